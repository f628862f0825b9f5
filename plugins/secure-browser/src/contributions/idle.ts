import { type IdleContributor, type IdleResource, SERVICE_LABELS } from '@workspaces-euc-mcp/host';
import { dailySessions } from '../aws/metrics.js';
import { listPortals } from '../aws/workspaces-web.js';
import { portalIdOf } from '../portals/rows.js';
import { judgePortalUsage, lookbackDays } from '../portals/usage.js';

/**
 * Active portals with no session in `idleDays`. Source choice: the SessionSuccess metric,
 * batched, costs one GetMetricData request per 500 portals in a region; ListSessions costs at
 * least one request per portal. With two or more portals the metric is cheaper, and with one it
 * ties, so the metric is always used (day precision is enough for "idle N days").
 *
 * monthlyCostUsd is 0, not an omission: Secure Browser bills per monthly active user (the Price
 * List's per-user rates by portal instance type), so a portal nobody signs in to costs nothing;
 * what remains is an unused sign-in page to retire.
 */
export const idlePortals: IdleContributor = {
  id: 'secure-browser.idle-portals',
  service: SERVICE_LABELS.secureBrowser,
  iam: ['workspaces-web:ListPortals', 'cloudwatch:GetMetricData'],
  async collect(ctx, scope, options) {
    const now = ctx.now();
    const active = (await listPortals(ctx, scope)).filter((p) => p.portalStatus === 'Active' && p.portalArn);
    const lookback = lookbackDays(options.idleDays);
    const series = await dailySessions(
      ctx,
      scope,
      active.map((p) => portalIdOf(p.portalArn ?? '')),
      lookback,
    );
    const idle: IdleResource[] = [];
    for (const portal of active) {
      const arn = portal.portalArn ?? '';
      const sessions = series.get(portalIdOf(arn));
      const verdict = judgePortalUsage({
        timestamps: sessions?.timestamps ?? [],
        values: sessions?.values ?? [],
        now,
        createdAt: portal.creationDate,
        idleDays: options.idleDays,
        lookbackDays: lookback,
      });
      if (verdict.kind !== 'idle') continue;
      const since =
        verdict.idleDays === null
          ? `no session since it was created (SessionSuccess, ${lookback} days read)`
          : verdict.atLeast
            ? `no session in the ${lookback} days read (SessionSuccess)`
            : `no session for ${verdict.idleDays} days (last SessionSuccess that many days ago)`;
      idle.push({
        id: arn,
        resourceType: 'Portal',
        reason:
          `Active portal "${portal.displayName ?? arn}" with ${since}. Secure Browser bills per monthly active ` +
          'user, so it costs nothing while unused (monthlyCostUsd 0); delete it or remove its identity provider if it is no longer needed.',
        idleDays: verdict.idleDays,
        monthlyCostUsd: 0,
      });
    }
    return idle;
  },
};
