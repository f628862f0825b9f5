import type { Action, Stack } from '@aws-sdk/client-appstream';
import type { Severity } from '@workspaces-euc-mcp/host';

/**
 * The stack actions that move data out of the streaming session to the user's device. Inbound
 * actions (paste in, upload) and sign-in actions are not exfiltration channels.
 */
export const OUTWARD_ACTIONS = [
  'CLIPBOARD_COPY_TO_LOCAL_DEVICE',
  'FILE_DOWNLOAD',
  'PRINTING_TO_LOCAL_DEVICE',
] as const satisfies readonly Action[];

export type OutwardAction = (typeof OUTWARD_ACTIONS)[number];

const LABEL: Readonly<Record<OutwardAction, string>> = {
  CLIPBOARD_COPY_TO_LOCAL_DEVICE: 'copy to local clipboard',
  FILE_DOWNLOAD: 'file download',
  PRINTING_TO_LOCAL_DEVICE: 'printing to a local printer',
};

/** The outward channels a stack leaves open, and how bad that is. */
export interface ExfiltrationExposure {
  readonly open: readonly OutwardAction[];
  /** One open channel: info; two: warning; all three: critical. Undefined when none is open. */
  readonly severity: Severity | undefined;
  readonly detail: string;
}

/**
 * Which outward actions a stack allows. An action missing from UserSettings is ENABLED: "By
 * default, these actions are enabled" (CreateStack API reference, UserSettings). A clipboard
 * MaximumLength narrows the channel but does not close it, so it is reported, not discounted.
 */
export function exfiltrationExposure(stack: Stack): ExfiltrationExposure {
  const settings = stack.UserSettings ?? [];
  const open = OUTWARD_ACTIONS.filter(
    (action) => settings.find((s) => s.Action === action)?.Permission !== 'DISABLED',
  );
  const severity: Severity | undefined =
    open.length === 0 ? undefined : open.length === 1 ? 'info' : open.length === 2 ? 'warning' : 'critical';
  const copyLimit = settings.find((s) => s.Action === 'CLIPBOARD_COPY_TO_LOCAL_DEVICE')?.MaximumLength;
  const parts = open.map((action) =>
    action === 'CLIPBOARD_COPY_TO_LOCAL_DEVICE' && copyLimit !== undefined
      ? `${LABEL[action]} (up to ${copyLimit} characters)`
      : LABEL[action],
  );
  return { open, severity, detail: parts.length > 0 ? `Allows ${parts.join(', ')}.` : '' };
}
