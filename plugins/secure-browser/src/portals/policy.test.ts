import { describe, expect, it } from 'vitest';
import { POLICY_SAMPLE, summarizeBrowserPolicy } from './policy.js';

describe('browser policy summary', () => {
  it('counts allowed and blocked URLs, samples them, and spells out the risky settings', () => {
    const urls = Array.from({ length: 250 }, (_, i) => `https://app${i}.example.com`);
    const summary = summarizeBrowserPolicy(
      JSON.stringify({
        chromePolicies: {
          URLAllowlist: { value: urls },
          URLBlocklist: { value: ['*'] },
          DeveloperToolsAvailability: { value: 1 },
          DownloadRestrictions: { value: 3 },
          HomepageLocation: { value: 'https://intranet.example.com' },
        },
      }),
    );
    expect(summary.policyCount).toBe(5);
    expect(summary.urlAllowlist.count).toBe(250);
    expect(summary.urlAllowlist.sample).toEqual(urls.slice(0, POLICY_SAMPLE));
    expect(summary.allowlistOnly).toBe(true);
    expect(summary.notable).toEqual([
      'DeveloperToolsAvailability=1 (developer tools allowed)',
      'DownloadRestrictions=3 (all downloads blocked)',
    ]);
  });

  it('a document that is not JSON, or has no chromePolicies, says so instead of failing', () => {
    expect(summarizeBrowserPolicy('{not json').invalid).toMatch(/^not JSON/);
    expect(summarizeBrowserPolicy('{"policies": {}}')).toMatchObject({
      policyCount: 0,
      invalid: 'no chromePolicies object in the document',
    });
    expect(summarizeBrowserPolicy(undefined)).toMatchObject({ policyCount: 0, allowlistOnly: false });
  });
});
