import { createRequire } from 'node:module';
import path from 'node:path';

/** The shape of the SDK's partition data (its `partitions.json`), as far as it is read here. */
interface PartitionsInfo {
  readonly partitions: readonly {
    readonly id: string;
    readonly regionRegex: string;
    readonly regions: Readonly<Record<string, unknown>>;
  }[];
}

/** A region code, as opposed to the pseudo-regions the SDK data also lists (`aws-global`). */
const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d$/;

let cached: PartitionsInfo | undefined;

/**
 * The AWS SDK's own region data, so `regions: ["all"]` follows the installed SDK rather than a
 * list of ours. No package exports it: `@aws-sdk/core/client` exports only `partition(region)`,
 * which names a region's partition but cannot list its regions. The least-bad source is the data
 * module itself, `@aws-sdk/core`'s `util-endpoints/lib/aws/partitions.js`, resolved through
 * `@aws-sdk/client-sts` (a dependency of the host that depends on `@aws-sdk/core`) and loaded by
 * path, since the package's exports map does not expose it. It is an ES module in an untyped
 * package, which `require` loads on the Node versions the host supports (>= 20.19). If an SDK
 * release moves it, this throws, and the host's tests fail rather than users.
 */
function partitionsInfo(): PartitionsInfo {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const fromSts = createRequire(require.resolve('@aws-sdk/client-sts'));
  const core = path.dirname(fromSts.resolve('@aws-sdk/core/package.json'));
  const loaded = require(
    path.join(core, 'dist-es/submodules/client/util-endpoints/lib/aws/partitions.js'),
  ) as { partitionsInfo?: PartitionsInfo };
  if (!loaded.partitionsInfo?.partitions) throw new Error('@aws-sdk/core has no partitionsInfo');
  cached = loaded.partitionsInfo;
  return cached;
}

/**
 * Every region of the partition `region` belongs to (commercial, China, GovCloud, ...), sorted,
 * from the SDK's data; undefined when that data cannot be loaded.
 */
export function partitionRegions(region: string): readonly string[] | undefined {
  let info: PartitionsInfo;
  try {
    info = partitionsInfo();
  } catch {
    return undefined;
  }
  const partition =
    info.partitions.find((p) => Object.hasOwn(p.regions, region)) ??
    info.partitions.find((p) => new RegExp(p.regionRegex).test(region)) ??
    info.partitions.find((p) => p.id === 'aws');
  if (!partition) return undefined;
  return Object.keys(partition.regions)
    .filter((r) => REGION_CODE.test(r))
    .sort();
}
