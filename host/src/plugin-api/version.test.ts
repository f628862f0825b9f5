import { describe, expect, it } from 'vitest';
import { apiVersionRefusal, judgeApiVersion, PLUGIN_API_VERSION } from './version.js';

describe('plugin API versions', () => {
  it('a 1.3 host runs plugins built for 1.0 to 1.3: a minor release only adds', () => {
    for (const declared of ['1.0', '1.2', '1.3'])
      expect(judgeApiVersion(declared, '1.3'), declared).toEqual({ compatible: true });
  });

  it('a 1.3 host refuses a plugin for 1.4, which may use what 1.3 lacks, and says to upgrade the host', () => {
    const verdict = judgeApiVersion('1.4', '1.3');
    expect(verdict.compatible).toBe(false);
    expect(verdict.compatible ? '' : verdict.advice).toMatch(/Upgrade the host .* plugin API 1\.4 or later/);
  });

  it('another major is refused either way round, with advice that points the right way', () => {
    const older = judgeApiVersion('1.9', '2.0');
    const newer = judgeApiVersion('3.0', '2.0');
    expect(older.compatible ? '' : older.advice).toMatch(
      /Upgrade the plugin to a release for plugin API 2\.x/,
    );
    expect(newer.compatible ? '' : newer.advice).toMatch(/Upgrade the host/);
  });

  it('a missing, numeric or malformed version is refused, naming the form to write', () => {
    for (const declared of [undefined, 1, '1', 'v1.0', '1.0.0', ''])
      expect(judgeApiVersion(declared, '1.0').compatible, String(declared)).toBe(false);
  });

  it('the refusal names the plugin, the version it declares and the host version', () => {
    expect(apiVersionRefusal('acme-thin-client', '2.1', '1.4')).toMatch(
      /^Plugin acme-thin-client was built for plugin API 2\.1, but this host implements plugin API 1\.4\. /,
    );
    expect(apiVersionRefusal('acme', undefined, '1.4')).toMatch(
      /^Plugin acme declares no plugin API version, but this host implements plugin API 1\.4\. .*apiVersion: '1\.4'/,
    );
    expect(apiVersionRefusal('acme', '1.4', '1.4')).toBeUndefined();
  });

  it('this host implements a major.minor version', () => {
    expect(PLUGIN_API_VERSION).toMatch(/^\d+\.\d+$/);
  });
});
