/**
 * What happens to a managed instance's EBS volumes when it is deleted. WorkSpaces terminates the
 * EC2 instance; EC2 then deletes each attached volume whose DeleteOnTermination is true (the root
 * volume as launched) and keeps the others, detached and still billed (EC2 user guide, "Preserve
 * data when an instance is terminated"). A volume attached after launch, as AssociateVolume does,
 * defaults to DeleteOnTermination false.
 */
import type { AttachedVolume } from './ec2.js';

/** The volumes that outlive the instance. */
export function survivingVolumes(volumes: readonly AttachedVolume[]): AttachedVolume[] {
  return volumes.filter((v) => !v.deleteOnTermination);
}

/** One volume in a line: `vol-1 /dev/sda1 100 GiB gp3 encrypted, deleted with the instance`. */
export function describeVolume(volume: AttachedVolume): string {
  const size = volume.sizeGiB !== undefined ? ` ${volume.sizeGiB} GiB` : '';
  const type = volume.volumeType ? ` ${volume.volumeType}` : '';
  const encryption = volume.encrypted === undefined ? '' : volume.encrypted ? ' encrypted' : ' unencrypted';
  const fate = volume.deleteOnTermination ? 'deleted with the instance' : 'KEPT (DeleteOnTermination=false)';
  return `${volume.volumeId} ${volume.device}${size}${type}${encryption}, ${fate}`;
}

/** The warning for volumes a deletion leaves behind, or none. */
export function survivingVolumesWarning(owner: string, volumes: readonly AttachedVolume[]): string[] {
  const kept = survivingVolumes(volumes);
  if (kept.length === 0) return [];
  const gib = kept.reduce((sum, v) => sum + (v.sizeGiB ?? 0), 0);
  return [
    `${owner}: ${kept.length} volume(s)${gib > 0 ? ` (${gib} GiB)` : ''} survive the deletion and stay billed as EBS: ${kept.map((v) => v.volumeId).join(', ')}. Keep them for their data, or delete them in EC2 afterwards.`,
  ];
}
