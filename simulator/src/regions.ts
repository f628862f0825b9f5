/**
 * Business-hours offset from UTC for a region (its main population centre, no daylight saving),
 * so simulated users connect in their daylight and the metrics show believable daily patterns.
 */
export function businessHoursUtcOffset(region: string): number {
  if (region.startsWith('us-west') || region.startsWith('ca-west')) return -8;
  if (region.startsWith('us-') || region.startsWith('ca-')) return -5;
  if (region.startsWith('sa-')) return -3;
  if (region.startsWith('eu-') || region.startsWith('il-') || region.startsWith('af-')) return 1;
  if (region.startsWith('me-')) return 4;
  if (region === 'ap-south-1') return 5;
  if (region.startsWith('ap-southeast-2')) return 10;
  if (region.startsWith('ap-northeast')) return 9;
  if (region.startsWith('ap-')) return 8;
  return 0;
}
