/** The health report's headline and Markdown, from its sections. */
import type { ReportParts } from './health.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
/** `us-east-1`, or `111122223333/us-east-1` in an answer that spans accounts. */
const where = (row: { account?: string; region: string }) =>
  row.account ? `${row.account}/${row.region}` : row.region;
const money = (amount: number, currency: string) => `${amount.toFixed(2)} ${currency}`;

/** The executive summary line: the few numbers an admin reads first. */
export function headlineSentence(parts: ReportParts): string {
  const bits: string[] = [];
  if (parts.inventory) bits.push(`${parts.inventory.totalResources} EUC resources`);
  if (parts.alarms)
    bits.push(`${parts.alarms.incidents} firing alarm${parts.alarms.incidents === 1 ? '' : 's'}`);
  if (parts.security)
    bits.push(`${parts.security.critical} critical / ${parts.security.warning} warning security findings`);
  if (parts.unused) bits.push(`${parts.unused.unusedDesktops} unused desktops`);
  if (parts.savings)
    bits.push(
      `~${parts.savings.estimatedMonthlySavingsUsd.toFixed(0)} USD/month to save (one action per desktop)`,
    );
  if (parts.quotas)
    bits.push(`${parts.quotas.approaching} quota${parts.quotas.approaching === 1 ? '' : 's'} near the limit`);
  if (parts.cost)
    bits.push(
      `${money(parts.cost.total, parts.cost.currency)} spent ${parts.cost.start} to ${parts.cost.end}`,
    );
  const missing = parts.sections.filter((s) => s.status !== 'ok').map((s) => s.name);
  return `${bits.join('; ') || 'No section answered'}.${missing.length > 0 ? ` Not included: ${missing.join(', ')} (see sections).` : ''}`;
}

/** The report as Markdown: headline, a table per section, and what could not be included. */
export function renderMarkdown(parts: ReportParts): string {
  const out: string[] = [
    `# EUC health report`,
    '',
    `Generated ${parts.generatedAt} for ${parts.scopes}.`,
    '',
    `**${headlineSentence(parts)}**`,
  ];
  if (parts.inventory) {
    out.push('', '## Inventory', '', '| Service | Type | Total | Top states |', '|---|---|---:|---|');
    for (const s of parts.inventory.services)
      out.push(`| ${cell(s.service)} | ${cell(s.resourceType)} | ${s.total} | ${cell(s.topStates)} |`);
    if (!parts.inventory.complete) out.push('', '_Incomplete: some services or regions could not be read._');
  }
  if (parts.alarms) {
    out.push(
      '',
      '## Firing alarms',
      '',
      scalingSentence(parts.alarms.incidents, parts.alarms.autoscaling, parts.alarms.scalingBlocked ?? 0),
    );
    for (const a of parts.alarms.top)
      out.push(`- ${cell(a.name)} — ${a.service}, ${where(a)}${a.since ? `, since ${a.since}` : ''}`);
  }
  if (parts.security) {
    const s = parts.security;
    out.push(
      '',
      '## Security',
      '',
      `${s.critical} critical, ${s.warning} warning, ${s.info} info.`,
      '',
      '| Check | Severity | Count |',
      '|---|---|---:|',
    );
    for (const c of s.top) out.push(`| ${cell(c.title)} (\`${c.checkId}\`) | ${c.severity} | ${c.count} |`);
    if (s.notAudited.length > 0)
      out.push('', `_Not audited (no plugin loaded): ${s.notAudited.join(', ')}._`);
  }
  if (parts.unused || parts.savings) {
    out.push('', '## Unused resources and savings', '');
    if (parts.unused)
      out.push(
        `${countOf(parts.unused.unusedDesktops, 'unused desktop')} (${parts.unused.neverConnected} never connected), ${countOf(parts.unused.otherServices, 'idle resource')} in other services.`,
      );
    if (parts.savings) {
      const v = parts.savings;
      out.push(
        `The cost plan (one best action per desktop) could save about ${v.estimatedMonthlySavingsUsd.toFixed(2)} USD a month: ` +
          `terminate ${v.terminate.desktops} unused (${v.terminate.usd.toFixed(2)}), rightsize ${v.rightsize.desktops} (${v.rightsize.usd.toFixed(2)}), ` +
          `switch running mode on ${v.switchMode.desktops} (${v.switchMode.usd.toFixed(2)}).` +
          (v.unconfirmedUsd > 0
            ? ` ${v.unconfirmedUsd.toFixed(2)} more once their Skip_Convert tags are checked.`
            : ''),
      );
    }
    for (const u of parts.unused?.top ?? [])
      out.push(
        `- ${u.id} (${u.service}, ${where(u)})${u.monthlyCostUsd !== undefined ? ` ${u.monthlyCostUsd.toFixed(2)} USD/month` : ''}: ${cell(u.reason)}`,
      );
  }
  if (parts.quotas) {
    out.push(
      '',
      '## Quotas',
      '',
      `${countOf(parts.quotas.approaching, 'quota')} near ${parts.quotas.approaching === 1 ? 'its' : 'their'} limit (${parts.quotas.nonAdjustable} not adjustable).`,
    );
    if (parts.quotas.top.length > 0)
      out.push('', '| Quota | Region | Used | Adjustable |', '|---|---|---:|---|');
    for (const q of parts.quotas.top)
      out.push(
        `| ${cell(q.quotaName)} | ${where(q)} | ${q.usage}/${q.limit} (${q.utilizationPct} %) | ${q.adjustable ? 'yes' : '**no**'} |`,
      );
  }
  if (parts.cost) {
    const c = parts.cost;
    out.push(
      '',
      '## Cost',
      '',
      `${money(c.total, c.currency)} from ${c.start} to ${c.end} (end exclusive).`,
      '',
      '| Service | Amount |',
      '|---|---:|',
    );
    for (const s of c.topServices) out.push(`| ${cell(s.service)} | ${money(s.amount, c.currency)} |`);
  }
  const missing = parts.sections.filter((s) => s.status !== 'ok');
  if (missing.length > 0) {
    out.push('', '## Not included', '');
    for (const s of missing)
      out.push(
        `- ${s.name} (\`${s.tool}\`): ${s.status}${s.message ? ` — ${cell(s.message.slice(0, 200))}` : ''}`,
      );
  }
  return out.join('\n');
}

/**
 * Scaling alarms in ALARM are scaling at work, unless the fleet cannot get capacity: then its
 * InsufficientCapacityError alarm fires too, and calling them normal would hide the incident.
 */
export function scalingSentence(incidents: number, autoscaling: number, blocked: number): string {
  const atWork = autoscaling - blocked;
  const parts = [`${incidents} incident${incidents === 1 ? '' : 's'}`];
  if (atWork > 0) parts.push(`${atWork} scaling alarm${atWork === 1 ? '' : 's'} in ALARM (scaling at work)`);
  if (blocked > 0)
    parts.push(
      `${blocked} scaling alarm${blocked === 1 ? '' : 's'} on fleets that cannot get capacity (InsufficientCapacityError): scaling is failing, not at work`,
    );
  return `${parts.join('; ')}.`;
}

/** "1 quota", "2 quotas": counts in the report read as a person writes them. */
function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
