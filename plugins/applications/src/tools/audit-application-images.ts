import type {
  AppBlockBuilder,
  Fleet,
  Image,
  ImageBuilder,
  SharedImagePermissions,
} from '@aws-sdk/client-appstream';
import {
  defineTool,
  type ErrorEntry,
  ErrorList,
  errorEntry,
  mapBounded,
  type Scope,
  ScopeInput,
  SERVICE_LABELS,
  selectScopes,
  type ToolContext,
  tally,
} from '@workspaces-euc-mcp/host';
import Type, { type Static } from 'typebox';
import {
  listAppBlockBuilders,
  listFleets,
  listImageBuilders,
  listImagePermissions,
  listPrivateImages,
  listSharedImages,
} from '../aws/appstream.js';
import { byImpact, type ImageVerdict, judgeImage, STALE_BASE_DAYS } from '../images/audit.js';
import {
  builderCost,
  priceBuilders,
  type RunningBuilderRow,
  runningBuilderRows,
} from '../images/builder-cost.js';

/** Rows kept in the answer: the worst images and the longest-running builders (the rest counted). */
const TOP_IMAGES = 25;
const TOP_BUILDERS = 20;

const Input = Type.Object({ ...ScopeInput }, { additionalProperties: false });

const ImageRow = Type.Object({
  name: Type.String(),
  account: Type.Optional(Type.String()),
  region: Type.String(),
  severity: Type.String(),
  fleets: Type.Integer({ description: 'Fleets streaming it.' }),
  issues: Type.String(),
});
type ImageRow = Static<typeof ImageRow>;

const BuilderRow = Type.Object({
  name: Type.String(),
  kind: Type.String(),
  account: Type.Optional(Type.String()),
  region: Type.String(),
  instanceType: Type.String(),
  hoursAtMost: Type.Optional(
    Type.Integer({ description: 'Hours since created: AppStream records no start time.' }),
  ),
  hourlyUsd: Type.Optional(Type.Number()),
  monthlyUsd: Type.Optional(Type.Number({ description: 'At 730 h if left running.' })),
  soFarAtMostUsd: Type.Optional(Type.Number()),
});
type BuilderRow = Static<typeof BuilderRow>;

const Counts = Type.Record(Type.String(), Type.Integer());

const Output = Type.Object({
  summary: Type.String(),
  privateImages: Type.Integer(),
  sharedInImages: Type.Integer(),
  imagesByState: Counts,
  issueCounts: Counts,
  images: Type.Array(ImageRow, { description: `Worst first, at most ${TOP_IMAGES}.` }),
  imageBuildersByState: Counts,
  appBlockBuildersByState: Counts,
  runningBuilders: Type.Array(BuilderRow, { description: `Longest first, at most ${TOP_BUILDERS}.` }),
  runningBuilderCount: Type.Integer(),
  monthlyUsdIfLeftRunning: Type.Optional(Type.Number()),
  errors: ErrorList(),
});
type Output = Static<typeof Output>;

/** What one scope yielded; a failed read leaves its part empty and adds an error. */
interface ScopeRead {
  readonly scope: Scope;
  readonly verdicts: ImageVerdict[];
  readonly privateImages: number;
  readonly sharedIn: number;
  readonly imagesByState: Record<string, number>;
  readonly imageBuilders: ImageBuilder[];
  readonly appBlockBuilders: AppBlockBuilder[];
  readonly errors: ErrorEntry[];
}

async function readScope(ctx: ToolContext, scope: Scope): Promise<ScopeRead> {
  const errors: ErrorEntry[] = [];
  const attempt = async <T>(read: Promise<T>, empty: T): Promise<T> => {
    try {
      return await read;
    } catch (error) {
      errors.push(errorEntry(SERVICE_LABELS.applications, scope, error));
      return empty;
    }
  };
  const [privateImages, sharedIn, fleets, imageBuilders, appBlockBuilders] = await Promise.all([
    attempt<Image[]>(listPrivateImages(ctx, scope), []),
    attempt<Image[]>(listSharedImages(ctx, scope), []),
    attempt<Fleet[]>(listFleets(ctx, scope), []),
    attempt<ImageBuilder[]>(listImageBuilders(ctx, scope), []),
    attempt<AppBlockBuilder[]>(listAppBlockBuilders(ctx, scope), []),
  ]);
  // DescribeImagePermissions has no batch form: ask only for images AWS flags as shared out.
  const sharedOut = privateImages.filter((i) => i.ImageSharedWithOthers === 'TRUE' && i.Name);
  const permissions = await mapBounded(
    sharedOut,
    ctx.limits.concurrency,
    (image) => listImagePermissions(ctx, scope, image.Name ?? ''),
    { signal: ctx.signal },
  );
  const sharedWith = new Map<string, SharedImagePermissions[]>();
  for (const outcome of permissions) {
    if (outcome.ok) sharedWith.set(outcome.item.Name ?? '', outcome.value);
    else errors.push(errorEntry(SERVICE_LABELS.applications, scope, outcome.error));
  }
  const streamed = (image: Image) =>
    fleets.filter(
      (f) => (f.ImageName && f.ImageName === image.Name) || (f.ImageArn && f.ImageArn === image.Arn),
    ).length;
  const now = ctx.now();
  const imagesByState: Record<string, number> = {};
  const verdicts: ImageVerdict[] = [];
  for (const image of [...privateImages, ...sharedIn]) {
    if (image.Visibility !== 'SHARED') tally(imagesByState, image.State ?? 'UNKNOWN');
    const verdict = judgeImage(image, sharedWith.get(image.Name ?? '') ?? [], streamed(image), now);
    if (verdict) verdicts.push(verdict);
  }
  return {
    scope,
    verdicts,
    privateImages: privateImages.length,
    sharedIn: sharedIn.length,
    imagesByState,
    imageBuilders,
    appBlockBuilders,
    errors,
  };
}

const where = (scope: Scope) => ({
  ...(scope.account ? { account: scope.account } : {}),
  region: scope.region,
});

async function run(input: Static<typeof Input>, ctx: ToolContext): Promise<Output> {
  const scopes = selectScopes(ctx.aws, input);
  const settled = await mapBounded(scopes, ctx.limits.concurrency, (scope) => readScope(ctx, scope), {
    signal: ctx.signal,
  });
  const reads: ScopeRead[] = [];
  const errors: ErrorEntry[] = [];
  for (const outcome of settled) {
    if (outcome.ok) {
      reads.push(outcome.value);
      errors.push(...outcome.value.errors);
    } else errors.push(errorEntry(SERVICE_LABELS.applications, outcome.item, outcome.error));
  }
  const imagesByState: Record<string, number> = {};
  const imageBuildersByState: Record<string, number> = {};
  const appBlockBuildersByState: Record<string, number> = {};
  const issueCounts: Record<string, number> = {};
  const ranked: { scope: Scope; verdict: ImageVerdict }[] = [];
  const running: { scope: Scope; builder: RunningBuilderRow }[] = [];
  const now = ctx.now();
  for (const read of reads) {
    for (const [state, n] of Object.entries(read.imagesByState)) tally(imagesByState, state, n);
    for (const b of read.imageBuilders) tally(imageBuildersByState, b.State ?? 'UNKNOWN');
    for (const b of read.appBlockBuilders) tally(appBlockBuildersByState, b.State ?? 'UNKNOWN');
    for (const verdict of read.verdicts) {
      ranked.push({ scope: read.scope, verdict });
      if (verdict.pinnedAgent) tally(issueCounts, 'pinnedAgent');
      if (verdict.staleBase) tally(issueCounts, 'staleBase');
      if (verdict.sharedWith > 0) tally(issueCounts, 'sharedOut');
      if (verdict.visibility === 'SHARED') tally(issueCounts, 'sharedIn');
      if (verdict.state !== 'AVAILABLE') tally(issueCounts, verdict.state.toLowerCase());
      if (verdict.issues.some((i) => i.startsWith('errors:'))) tally(issueCounts, 'withErrors');
    }
    for (const builder of runningBuilderRows(read.imageBuilders, read.appBlockBuilders, now))
      running.push({ scope: read.scope, builder });
  }
  ranked.sort((a, b) => byImpact(a.verdict, b.verdict));
  running.sort((a, b) => (b.builder.hoursAtMost ?? 0) - (a.builder.hoursAtMost ?? 0));
  const prices = running.length > 0 ? await priceBuilders(ctx, running) : { rate: () => undefined, note: '' };
  let monthly = 0;
  let priced = 0;
  const builderRows: BuilderRow[] = running.map(({ scope, builder }) => {
    const rate = prices.rate(scope, builder);
    const cost = rate === undefined ? undefined : builderCost(rate, builder.hoursAtMost);
    if (cost) {
      monthly += cost.monthlyUsd;
      priced += 1;
    }
    return {
      name: builder.name,
      kind: builder.kind,
      ...where(scope),
      instanceType: builder.instanceType,
      ...(builder.hoursAtMost === undefined ? {} : { hoursAtMost: builder.hoursAtMost }),
      ...(cost ?? {}),
    };
  });
  const images: ImageRow[] = ranked.slice(0, TOP_IMAGES).map(({ scope, verdict }) => ({
    name: verdict.name,
    ...where(scope),
    severity: verdict.severity,
    fleets: verdict.fleets,
    issues: verdict.issues.join('; '),
  }));
  const privateCount = reads.reduce((n, r) => n + r.privateImages, 0);
  const sharedInCount = reads.reduce((n, r) => n + r.sharedIn, 0);
  const issueText = Object.entries(issueCounts)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const summary =
    `WorkSpaces Applications images in ${scopes.length} account/region scope(s): ${privateCount} private, ${sharedInCount} shared in` +
    (issueText ? ` (${issueText}; stale base = released over ${STALE_BASE_DAYS} d ago)` : '') +
    `. ${ranked.length} image(s) with issues` +
    (ranked.length > TOP_IMAGES ? `, worst ${TOP_IMAGES} shown` : '') +
    `. ${running.length} builder(s) RUNNING (billed per hour whatever their use)` +
    (running.length > TOP_BUILDERS ? `, longest ${TOP_BUILDERS} shown` : '') +
    (priced > 0 ? `; $${Math.round(monthly)}/month if left running (${priced} priced)` : '') +
    `.${prices.note}` +
    (running.length > 0 ? ' Stop idle ones with stop_image_builder.' : '') +
    (errors.length > 0 ? ` Partial: ${errors.length} read(s) failed, see errors.` : '');
  return {
    summary,
    privateImages: privateCount,
    sharedInImages: sharedInCount,
    imagesByState,
    issueCounts,
    images,
    imageBuildersByState,
    appBlockBuildersByState,
    runningBuilders: builderRows.slice(0, TOP_BUILDERS),
    runningBuilderCount: running.length,
    ...(priced > 0 ? { monthlyUsdIfLeftRunning: Math.round(monthly * 100) / 100 } : {}),
    errors: errors.slice(0, 100),
  };
}

/** audit_application_images: image hygiene and builders left running, estate-wide. */
export const auditApplicationImages = defineTool({
  name: 'audit_application_images',
  title: 'Audit WorkSpaces Applications images',
  description:
    'WorkSpaces Applications (AppStream) images and builders: failed or erroring images, pinned agents, stale base images, sharing in/out; image and app block builders left RUNNING with hours and $ (via get_euc_service_prices). Cost: Describe* per region, DescribeImagePermissions per shared image.',
  tier: 0,
  iam: [
    'appstream:DescribeImages',
    'appstream:DescribeImagePermissions',
    'appstream:DescribeFleets',
    'appstream:DescribeImageBuilders',
    'appstream:DescribeAppBlockBuilders',
  ],
  input: Input,
  output: Output,
  run,
});
