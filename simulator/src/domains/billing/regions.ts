/**
 * What the billing data says about a region: the usage-type prefix Cost Explorer and the Price
 * List put in front of usage types, the Price List `location` name and how far its prices sit
 * above us-east-1.
 *
 * Sources: the prefixes and location names are the ones AWS bills with (e.g. `USE1`, `EU`,
 * `APS1`, `EUW2` in Cost and Usage Report usage types; "EU (Ireland)", "Asia Pacific (Seoul)" in
 * Price List `location`). The multipliers are believable relatives of public WorkSpaces list
 * prices (eu-west-1 Standard $37 vs us-east-1 $35; Singapore and São Paulo dearer), not AWS
 * figures. Any other well-formed region code gets a derived prefix, name and multiplier, so a
 * region outside every short list is still priced, exactly as the real Price List prices every
 * region it serves through `regionCode` without a client-side map.
 */
import { unit } from '../../rng.js';

interface RegionFacts {
  readonly prefix: string;
  readonly location: string;
  readonly multiplier: number;
}

const KNOWN: Readonly<Record<string, RegionFacts>> = {
  'us-east-1': { prefix: 'USE1', location: 'US East (N. Virginia)', multiplier: 1 },
  'us-east-2': { prefix: 'USE2', location: 'US East (Ohio)', multiplier: 1 },
  'us-west-1': { prefix: 'USW1', location: 'US West (N. California)', multiplier: 1.1 },
  'us-west-2': { prefix: 'USW2', location: 'US West (Oregon)', multiplier: 1 },
  'ca-central-1': { prefix: 'CAN1', location: 'Canada (Central)', multiplier: 1.06 },
  'ca-west-1': { prefix: 'CAN2', location: 'Canada West (Calgary)', multiplier: 1.08 },
  'sa-east-1': { prefix: 'SAE1', location: 'South America (Sao Paulo)', multiplier: 1.42 },
  'eu-west-1': { prefix: 'EU', location: 'EU (Ireland)', multiplier: 1.06 },
  'eu-west-2': { prefix: 'EUW2', location: 'EU (London)', multiplier: 1.09 },
  'eu-west-3': { prefix: 'EUW3', location: 'EU (Paris)', multiplier: 1.1 },
  'eu-central-1': { prefix: 'EUC1', location: 'EU (Frankfurt)', multiplier: 1.1 },
  'eu-central-2': { prefix: 'EUC2', location: 'EU (Zurich)', multiplier: 1.2 },
  'eu-north-1': { prefix: 'EUN1', location: 'EU (Stockholm)', multiplier: 1.04 },
  'eu-south-1': { prefix: 'EUS1', location: 'EU (Milan)', multiplier: 1.12 },
  'eu-south-2': { prefix: 'EUS2', location: 'EU (Spain)', multiplier: 1.1 },
  'il-central-1': { prefix: 'ILC1', location: 'Israel (Tel Aviv)', multiplier: 1.18 },
  'me-central-1': { prefix: 'MEC1', location: 'Middle East (UAE)', multiplier: 1.16 },
  'me-south-1': { prefix: 'MES1', location: 'Middle East (Bahrain)', multiplier: 1.16 },
  'af-south-1': { prefix: 'AFS1', location: 'Africa (Cape Town)', multiplier: 1.28 },
  'ap-south-1': { prefix: 'APS3', location: 'Asia Pacific (Mumbai)', multiplier: 1.05 },
  'ap-south-2': { prefix: 'APS5', location: 'Asia Pacific (Hyderabad)', multiplier: 1.05 },
  'ap-southeast-1': { prefix: 'APS1', location: 'Asia Pacific (Singapore)', multiplier: 1.2 },
  'ap-southeast-2': { prefix: 'APS2', location: 'Asia Pacific (Sydney)', multiplier: 1.2 },
  'ap-southeast-3': { prefix: 'APS4', location: 'Asia Pacific (Jakarta)', multiplier: 1.18 },
  'ap-southeast-4': { prefix: 'APS6', location: 'Asia Pacific (Melbourne)', multiplier: 1.22 },
  'ap-southeast-5': { prefix: 'APS7', location: 'Asia Pacific (Malaysia)', multiplier: 1.14 },
  'ap-northeast-1': { prefix: 'APN1', location: 'Asia Pacific (Tokyo)', multiplier: 1.22 },
  'ap-northeast-2': { prefix: 'APN2', location: 'Asia Pacific (Seoul)', multiplier: 1.16 },
  'ap-northeast-3': { prefix: 'APN3', location: 'Asia Pacific (Osaka)', multiplier: 1.22 },
  'ap-east-1': { prefix: 'APE1', location: 'Asia Pacific (Hong Kong)', multiplier: 1.25 },
  'us-gov-west-1': { prefix: 'UGW1', location: 'AWS GovCloud (US-West)', multiplier: 1.2 },
  'us-gov-east-1': { prefix: 'UGE1', location: 'AWS GovCloud (US-East)', multiplier: 1.2 },
};

/** A region code AWS could mint: `xx-name-n` (`ap-southeast-7`, `mx-central-1`). */
export const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** True for a syntactically valid AWS region code. */
export function isRegionCode(value: string): boolean {
  return REGION_CODE.test(value);
}

/** The billing facts of any well-formed region code; undefined for anything else. */
export function regionFacts(region: string): RegionFacts | undefined {
  const known = KNOWN[region];
  if (known) return known;
  if (!isRegionCode(region)) return undefined;
  const parts = region.split('-');
  const area = (parts[0] ?? 'xx').toUpperCase();
  const direction = (parts[1] ?? 'x').charAt(0).toUpperCase();
  const number = parts[parts.length - 1] ?? '1';
  const name = parts
    .slice(1, -1)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join(' ');
  return {
    prefix: `${area}${direction}${number}`,
    location: `${area === 'AP' ? 'Asia Pacific' : area} (${name} ${number})`,
    multiplier: Math.round((1.05 + unit('region-multiplier', region) * 0.3) * 100) / 100,
  };
}

/** The usage-type prefix of a region (`USE1`, `EU`, `APN2`). */
export function usagePrefix(region: string): string {
  return regionFacts(region)?.prefix ?? region.toUpperCase();
}

/** Every region the fixed table knows (for GetAttributeValues of `regionCode`). */
export const KNOWN_REGIONS: readonly string[] = Object.keys(KNOWN).sort();
