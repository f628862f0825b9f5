import type { Stack } from '@aws-sdk/client-appstream';
import { describe, expect, it } from 'vitest';
import { exfiltrationExposure } from './exfiltration.js';

describe('stack exfiltration exposure', () => {
  it('an action the stack does not list is enabled (the API default), so an empty stack is fully open', () => {
    const exposure = exfiltrationExposure({ Name: 's', UserSettings: [] });
    expect(exposure.open).toEqual([
      'CLIPBOARD_COPY_TO_LOCAL_DEVICE',
      'FILE_DOWNLOAD',
      'PRINTING_TO_LOCAL_DEVICE',
    ]);
    expect(exposure.severity).toBe('critical');
  });

  it('severity grows with the number of outward channels: one info, two warning', () => {
    const stack = (disabled: string[]): Stack => ({
      Name: 's',
      UserSettings: [
        'CLIPBOARD_COPY_TO_LOCAL_DEVICE' as const,
        'FILE_DOWNLOAD' as const,
        'PRINTING_TO_LOCAL_DEVICE' as const,
      ].map((Action) => ({ Action, Permission: disabled.includes(Action) ? 'DISABLED' : 'ENABLED' })),
    });
    expect(exfiltrationExposure(stack(['FILE_DOWNLOAD', 'PRINTING_TO_LOCAL_DEVICE'])).severity).toBe('info');
    expect(exfiltrationExposure(stack(['FILE_DOWNLOAD'])).severity).toBe('warning');
    expect(
      exfiltrationExposure(
        stack(['CLIPBOARD_COPY_TO_LOCAL_DEVICE', 'FILE_DOWNLOAD', 'PRINTING_TO_LOCAL_DEVICE']),
      ),
    ).toEqual({ open: [], severity: undefined, detail: '' });
  });

  it('inbound actions (paste, upload) do not count; a clipboard length limit is reported, not discounted', () => {
    const exposure = exfiltrationExposure({
      Name: 's',
      UserSettings: [
        { Action: 'CLIPBOARD_COPY_FROM_LOCAL_DEVICE', Permission: 'ENABLED' },
        { Action: 'FILE_UPLOAD', Permission: 'ENABLED' },
        { Action: 'CLIPBOARD_COPY_TO_LOCAL_DEVICE', Permission: 'ENABLED', MaximumLength: 1024 },
        { Action: 'FILE_DOWNLOAD', Permission: 'DISABLED' },
        { Action: 'PRINTING_TO_LOCAL_DEVICE', Permission: 'DISABLED' },
      ],
    });
    expect(exposure.severity).toBe('info');
    expect(exposure.detail).toBe('Allows copy to local clipboard (up to 1024 characters).');
  });
});
