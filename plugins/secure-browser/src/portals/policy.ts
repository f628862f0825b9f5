/**
 * The browser policy of a portal (browser settings `browserPolicy`: a JSON document
 * `{"chromePolicies": {"<Policy>": {"value": ...}}}`) reduced to what an admin asks of it: how
 * many policies, which URLs are allowed or blocked, and the settings that change the risk. The
 * document can hold hundreds of URLs, so lists are cut to a sample with their full count.
 */
import Type, { type Static } from 'typebox';

/** Entries shown per URL list and policy names shown; the counts always cover every entry. */
export const POLICY_SAMPLE = 10;
const MAX_STRING = 200;

const UrlList = Type.Object({
  count: Type.Integer(),
  sample: Type.Array(Type.String(), { maxItems: POLICY_SAMPLE }),
});

export const BrowserPolicySummary = Type.Object({
  policyCount: Type.Integer(),
  policies: Type.Array(Type.String(), {
    maxItems: POLICY_SAMPLE * 2,
    description: 'Policy names (first 20, sorted).',
  }),
  urlAllowlist: UrlList,
  urlBlocklist: UrlList,
  allowlistOnly: Type.Boolean({ description: 'URLBlocklist has "*": only allow-listed URLs open.' }),
  notable: Type.Array(Type.String(), { description: 'Settings that change the risk, in words.' }),
  invalid: Type.Optional(Type.String({ description: 'Why the document could not be read.' })),
});
export type BrowserPolicySummary = Static<typeof BrowserPolicySummary>;

const cut = (text: string) => (text.length > MAX_STRING ? `${text.slice(0, MAX_STRING - 1)}…` : text);

/**
 * What some Chrome enterprise policies' values mean (chromeenterprise.google/policies): the ones
 * that decide whether data or code can leave or enter the isolated browser.
 */
const MEANINGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  DeveloperToolsAvailability: {
    '0': 'developer tools allowed (except on force-installed extensions)',
    '1': 'developer tools allowed',
    '2': 'developer tools blocked',
  },
  IncognitoModeAvailability: {
    '0': 'incognito available',
    '1': 'incognito disabled',
    '2': 'incognito forced',
  },
  PasswordManagerEnabled: { true: 'password manager on', false: 'password manager off' },
  DownloadRestrictions: {
    '0': 'no download restrictions',
    '1': 'dangerous downloads blocked',
    '2': 'potentially dangerous downloads blocked',
    '3': 'all downloads blocked',
    '4': 'malicious downloads blocked',
  },
  PrintingEnabled: { true: 'printing on', false: 'printing off' },
  AllowFileSelectionDialogs: { true: 'file dialogs on', false: 'file dialogs off' },
};

function policyValue(entry: unknown): unknown {
  return typeof entry === 'object' && entry !== null && 'value' in entry
    ? (entry as { value: unknown }).value
    : entry;
}

function urlList(entry: unknown): { count: number; sample: string[] } {
  const value = policyValue(entry);
  const urls = Array.isArray(value) ? value.map((v) => String(v)) : [];
  return { count: urls.length, sample: urls.slice(0, POLICY_SAMPLE).map(cut) };
}

function notableOf(name: string, value: unknown): string | undefined {
  const meanings = MEANINGS[name];
  if (!meanings) return undefined;
  if (Array.isArray(value)) return `${name}: ${value.length} entries`;
  const meaning = meanings[String(value)];
  return `${name}=${cut(JSON.stringify(value) ?? String(value))}${meaning ? ` (${meaning})` : ''}`;
}

const EMPTY: BrowserPolicySummary = {
  policyCount: 0,
  policies: [],
  urlAllowlist: { count: 0, sample: [] },
  urlBlocklist: { count: 0, sample: [] },
  allowlistOnly: false,
  notable: [],
};

/** A bounded summary of a browser policy document; an unreadable one says why in `invalid`. */
export function summarizeBrowserPolicy(document: string | undefined): BrowserPolicySummary {
  if (document === undefined || document.trim() === '') return { ...EMPTY };
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch (error) {
    return { ...EMPTY, invalid: cut(`not JSON: ${error instanceof Error ? error.message : String(error)}`) };
  }
  const policies =
    typeof parsed === 'object' && parsed !== null && 'chromePolicies' in parsed
      ? (parsed as { chromePolicies: unknown }).chromePolicies
      : undefined;
  if (typeof policies !== 'object' || policies === null || Array.isArray(policies))
    return { ...EMPTY, invalid: 'no chromePolicies object in the document' };
  const entries = Object.entries(policies as Record<string, unknown>);
  const blocklist = urlList((policies as Record<string, unknown>).URLBlocklist);
  const blocked = policyValue((policies as Record<string, unknown>).URLBlocklist);
  return {
    policyCount: entries.length,
    policies: entries
      .map(([name]) => cut(name))
      .sort()
      .slice(0, POLICY_SAMPLE * 2),
    urlAllowlist: urlList((policies as Record<string, unknown>).URLAllowlist),
    urlBlocklist: blocklist,
    allowlistOnly: Array.isArray(blocked) && blocked.some((v) => String(v).trim() === '*'),
    notable: entries.flatMap(([name, entry]) => notableOf(name, policyValue(entry)) ?? []).sort(),
  };
}
