import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT } from './exit-codes.js';
import { captureCli } from './test-fixtures/capture-cli.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const WIDGETS = path.join(here, 'test-fixtures/widgets.workspaces-eucrc.json');

function cli(args: string[], cwd = here) {
  return captureCli([...args, '--config', WIDGETS], cwd);
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'euc-cli-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('call --format (issue 16, point 2)', () => {
  it('json stays the default: the structured answer, parseable by a pipe', async () => {
    const { code, stdout } = await cli(['call', 'report_widgets']);
    expect(code).toBe(EXIT.ok);
    expect(JSON.parse(stdout)).toMatchObject({ summary: '2 widgets.', total: 2 });
  });
  it('markdown prints a tool-written report as is, not as an escaped JSON string', async () => {
    const { stdout } = await cli(['call', 'get_widget', '{"widgetId":"w-1"}', '--format', 'markdown']);
    expect(stdout).toBe('# Widget w-1\n\nRed, size 3.\n');
  });
  it('markdown renders any other answer: summary, facts, lists and tables', async () => {
    const { stdout } = await cli(['call', 'report_widgets', '--format', 'markdown']);
    expect(stdout).toContain('# report_widgets\n\n2 widgets.\n\n- **total**: 2\n- **nextCursor**: abc');
    expect(stdout).toContain('- **byColor**: red 1, blue|green 1');
    expect(stdout).toContain(
      '## widgets\n\n| id | color | size |\n|---|---|---:|\n| w-1 | red | 3 |\n| w-2 | blue\\|green | 5 |',
    );
    expect(stdout).toContain('## notes\n\n- Sizes are in inches.');
    expect(stdout).not.toContain('{');
  });
});

describe('commands explain themselves (issue 16, point 3)', () => {
  it('call TOOL --help prints the description and input fields with types and defaults', async () => {
    const { code, stdout } = await cli(['call', 'report_widgets', '--help']);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain('Lists the widgets with a CSV attachment.');
    expect(stdout).toMatch(/color +string\n +Only this color/);
    expect(stdout).toMatch(/limit +integer 1\.\.50 \(default 25\)/);
  });
  it('a write tool help shows the confirm gate and why it is not registered', async () => {
    const { stdout } = await cli(['call', 'paint_widgets', '--help']);
    expect(stdout).toMatch(/widgetIds +string\[\] \(required\)/);
    expect(stdout).toMatch(/confirm +boolean\n/);
    expect(stdout).toContain('not registered: tier 2 needs --enable-writes');
  });
  it('tools --json includes each tool input schema', async () => {
    const rows = JSON.parse((await cli(['tools', '--json'])).stdout) as {
      tool: string;
      inputSchema: { properties: Record<string, unknown> };
    }[];
    const report = rows.find((r) => r.tool === 'report_widgets');
    expect(Object.keys(report?.inputSchema.properties ?? {})).toEqual(['color', 'limit']);
  });
  it('an unknown input field lists the valid ones and the likely one', async () => {
    const { code, stderr } = await cli(['call', 'report_widgets', '{"colour":"red"}']);
    expect(code).toBe(EXIT.toolError);
    expect(stderr).toContain('"colour" is not an input of report_widgets. Did you mean "color"?');
    expect(stderr).toContain(
      'Valid fields: color, limit (details: workspaces-euc-mcp call report_widgets --help).',
    );
  });
  it('a mistyped tool gets "did you mean" and a usage exit code', async () => {
    const { code, stderr } = await cli(['call', 'report_widget']);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain('Unknown tool report_widget. Did you mean "report_widgets"?');
  });
  it('a mistyped plugin in the config gets "did you mean"', async () => {
    const { explainPluginError } = await import('./plugin-errors.js');
    const message = explainPluginError(
      'Plugin @workspaces-euc-mcp/plugin-pool could not be found (looked from /x). Install it.',
      ['@workspaces-euc-mcp/plugin-pools', '@workspaces-euc-mcp/plugin-cost'],
    );
    expect(message).toContain('Did you mean "@workspaces-euc-mcp/plugin-pools"?');
    expect(
      explainPluginError('Plugin pools could not be found (looked from /x).', [
        '@workspaces-euc-mcp/plugin-pools',
      ]),
    ).toContain('Did you mean "@workspaces-euc-mcp/plugin-pools"?');
    expect(
      explainPluginError('Plugin @workspaces-euc-mcp/plugin-pools could not be found.', [
        '@workspaces-euc-mcp/plugin-pools',
      ]),
    ).toContain('npm run build');
  });
  it('serve on a terminal says on stderr that it waits for an MCP client', async () => {
    const { terminalHint } = await import('./serve-command.js');
    expect(terminalHint(true)).toMatch(/^Waiting for an MCP client on stdin[^\n]+$/);
    // An MCP client talks through a pipe: nothing extra on its stderr log.
    expect(terminalHint(false)).toBeUndefined();
  });
});

describe('attachments reach the shell (issue 16, point 4)', () => {
  it('without --out the answer keeps its URI and stderr says how to get the file', async () => {
    const { stderr } = await cli(['call', 'report_widgets']);
    expect(stderr).toContain(
      '1 attachment not printed: workspaces-euc://widgets/widgets.csv (text/csv, 17 bytes). Pass --out DIR to write it to files.',
    );
  });
  it('--out DIR writes every attachment there and the answer says where', async () => {
    const dir = tempDir();
    const { code, stdout, stderr } = await cli(['call', 'report_widgets', '--out', 'reports'], dir);
    expect(code).toBe(EXIT.ok);
    const file = path.join(dir, 'reports', 'widgets.csv');
    expect(readFileSync(file, 'utf8')).toBe('id,color\nw-1,red\n');
    expect(JSON.parse(stdout).attachmentsWritten).toEqual([
      { uri: 'workspaces-euc://widgets/widgets.csv', file, bytes: 17 },
    ]);
    expect(stderr).toContain(`Wrote ${path.join('reports', 'widgets.csv')} (17 bytes).`);
  });
  it('generate_inventory_report as CSV writes the CSV with --out (rows: [] in the answer)', async () => {
    const dir = tempDir();
    const { code, stdout } = await cli(
      ['call', 'generate_inventory_report', '{"format":"csv"}', '--out', dir, '--format', 'markdown'],
      dir,
    );
    expect(code).toBe(EXIT.ok);
    const [name] = readdirSync(dir);
    expect(name).toMatch(/\.csv$/);
    const csv = readFileSync(path.join(dir, name ?? ''), 'utf8');
    expect(csv).toContain('w-2');
    expect(stdout).toContain(`## Attachments written\n\n- ${name} (text/csv`);
  });
});

describe('exit codes a script can use (issue 16, point 5)', () => {
  const writes = ['--enable-writes', '--enable-destructive'];
  it('a dry run exits 4 and says nothing changed', async () => {
    const { code, stdout, stderr } = await cli(['call', 'paint_widgets', '{"widgetIds":["w-1"]}', ...writes]);
    expect(code).toBe(EXIT.dryRun);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'planned', dryRun: true });
    expect(stderr).toContain('Dry run: nothing changed (exit 4).');
  });
  it('a refused write exits 5', async () => {
    const { code, stdout } = await cli([
      'call',
      'scrap_widgets',
      '{"widgetIds":["w-1"],"confirm":true,"acknowledge":"nope"}',
      ...writes,
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'refused' });
    expect(code).toBe(EXIT.refused);
  });
  it('a not-found answer exits 3 and a tool error 1', async () => {
    expect((await cli(['call', 'get_widget', '{"widgetId":"w-9"}'])).code).toBe(EXIT.notFound);
    expect((await cli(['call', 'get_widget', '{}'])).code).toBe(EXIT.toolError);
  });
  it('a confirmed write exits 0 when every target succeeded and 6 when some failed', async () => {
    // Confirm the way the write gates ask: with what the dry run's answer says to send back.
    const applied = async (widgetIds: string[]) => {
      const input = { widgetIds };
      const dryRun = JSON.parse(
        (await cli(['call', 'paint_widgets', JSON.stringify(input), ...writes])).stdout,
      );
      const confirm = { ...input, confirm: true, ...(dryRun.planId ? { planId: dryRun.planId } : {}) };
      return cli(['call', 'paint_widgets', JSON.stringify(confirm), ...writes]);
    };
    const partial = await applied(['w-1', 'w-bad']);
    expect(JSON.parse(partial.stdout)).toMatchObject({ status: 'partially-applied' });
    expect(partial.code).toBe(EXIT.partial);
    expect((await applied(['w-1'])).code).toBe(EXIT.ok);
  });
  it('--help lists the exit codes', async () => {
    const { stdout } = await cli(['--help']);
    expect(stdout).toContain('  4  dry run');
    expect(stdout).toContain('  5  a write gate refused');
  });
});

describe('call input is exact (issue 16, point 6)', () => {
  it('refuses arguments that are not a JSON object', async () => {
    for (const raw of ['[]', '"x"', '3', 'null']) {
      const { code, stderr } = await cli(['call', 'report_widgets', raw]);
      expect(code).toBe(EXIT.usage);
      expect(stderr).toContain('The arguments for report_widgets must be a JSON object');
    }
  });
  it('--trace prints the request counts once', async () => {
    const { stderr } = await cli(['call', 'report_widgets', '--trace']);
    expect(stderr.match(/AWS requests for report_widgets/g)).toHaveLength(1);
  });
});
