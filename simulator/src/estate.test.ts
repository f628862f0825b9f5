import { describe, expect, it } from 'vitest';
import { ALL_WORKSPACE_STATES } from './domains/personal/generate.js';
import { generateEstate } from './estate.js';

describe('the generated estate', () => {
  it('is byte-identical for the same seed and differs for another seed', { timeout: 30_000 }, () => {
    const a = JSON.stringify(generateEstate({ seed: 11, desktops: 300 }));
    const b = JSON.stringify(generateEstate({ seed: 11, desktops: 300 }));
    const c = JSON.stringify(generateEstate({ seed: 12, desktops: 300 }));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('has exactly the desktops asked for, spread over every account and region', () => {
    const estate = generateEstate({
      seed: 1,
      desktops: 500,
      accounts: ['111122223333', '444455556666'],
      regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'],
    });
    expect(estate.personal.desktops).toHaveLength(500);
    const locations = new Set(estate.personal.desktops.map((d) => `${d.account}/${d.region}`));
    expect(locations.size).toBe(6);
    const ids = new Set(estate.personal.desktops.map((d) => d.workspace.WorkspaceId));
    expect(ids.size).toBe(500);
  });

  it('has desktops in all 17 states, every running mode, graphics, unencrypted and standby desktops', () => {
    const desktops = generateEstate({ seed: 2, desktops: 400 }).personal.desktops;
    const states = new Set(desktops.map((d) => d.workspace.State));
    for (const state of ALL_WORKSPACE_STATES) expect(states).toContain(state);
    const modes = new Set(desktops.map((d) => d.workspace.WorkspaceProperties?.RunningMode));
    expect([...modes].sort()).toEqual(['ALWAYS_ON', 'AUTO_STOP', 'MANUAL']);
    expect(
      desktops.some((d) => d.workspace.WorkspaceProperties?.ComputeTypeName?.startsWith('GRAPHICS')),
    ).toBe(true);
    expect(desktops.some((d) => d.workspace.RootVolumeEncryptionEnabled === false)).toBe(true);
    const standby = desktops.filter((d) => d.workspace.RelatedWorkspaces?.[0]?.Type === 'PRIMARY');
    expect(standby.length).toBeGreaterThan(0);
    for (const s of standby) {
      const primaryId = s.workspace.RelatedWorkspaces?.[0]?.WorkspaceId;
      const primary = desktops.find((d) => d.workspace.WorkspaceId === primaryId);
      expect(primary?.workspace.RelatedWorkspaces?.[0]).toMatchObject({
        Type: 'STANDBY',
        WorkspaceId: s.workspace.WorkspaceId,
      });
    }
  });

  it('never leaves an ALWAYS_ON desktop STOPPED, and says UNKNOWN for the connection of stopped ones', () => {
    const desktops = generateEstate({ seed: 4, desktops: 600 }).personal.desktops;
    for (const d of desktops) {
      if (d.workspace.WorkspaceProperties?.RunningMode === 'ALWAYS_ON')
        expect(d.workspace.State).not.toBe('STOPPED');
      if (d.workspace.State === 'STOPPED') expect(d.connection.ConnectionState).toBe('UNKNOWN');
    }
  });

  it('gives never-used desktops no last connection and unused ones one older than 60 days', () => {
    const estate = generateEstate({ seed: 6, desktops: 600 });
    const now = estate.settings.now.getTime();
    const never = estate.personal.desktops.filter((d) => d.usage === 'never');
    const unused = estate.personal.desktops.filter((d) => d.usage === 'unused');
    expect(never.length).toBeGreaterThan(0);
    expect(unused.length).toBeGreaterThan(0);
    for (const d of never) expect(d.connection.LastKnownUserConnectionTimestamp).toBeUndefined();
    for (const d of unused) {
      const last = d.connection.LastKnownUserConnectionTimestamp?.getTime();
      if (last !== undefined) expect(now - last).toBeGreaterThan(60 * 86_400_000);
    }
  });

  it('registers directories in every registration state, with an impaired AD Connector and one open to 0.0.0.0/0', () => {
    const estate = generateEstate({ seed: 7, desktops: 50 });
    const states = new Set(estate.personal.directories.map((d) => d.directory.State));
    expect([...states].sort()).toEqual([
      'DEREGISTERED',
      'DEREGISTERING',
      'ERROR',
      'REGISTERED',
      'REGISTERING',
    ]);
    expect(estate.personal.directories.some((d) => d.ds?.Stage === 'Impaired')).toBe(true);
    const openGroups = estate.personal.ipGroups.filter((g) =>
      g.group.userRules?.some((r) => r.ipRule === '0.0.0.0/0'),
    );
    const openIds = new Set(openGroups.map((g) => g.group.groupId));
    expect(
      estate.personal.directories.some((d) => d.directory.ipGroupIds?.some((id) => openIds.has(id))),
    ).toBe(true);
  });

  it('gives each desktop an IP inside its subnet and takes it from the subnet free count', () => {
    const estate = generateEstate({ seed: 8, desktops: 120 });
    // Pools directories' subnets are drained by pools with SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES.
    const poolSubnets = new Set(
      estate.personal.directories
        .filter((d) => d.directory.WorkspaceType === 'POOLS')
        .flatMap((d) => d.directory.SubnetIds ?? []),
    );
    for (const subnet of estate.personal.subnets.filter((s) => !poolSubnets.has(s.subnetId))) {
      const inSubnet = estate.personal.desktops.filter((d) => d.workspace.SubnetId === subnet.subnetId);
      expect(subnet.availableIpAddressCount).toBe(251 - inSubnet.length);
      const prefix = subnet.cidrBlock.replace(/0\/24$/, '');
      for (const d of inSubnet) expect(d.workspace.IpAddress?.startsWith(prefix)).toBe(true);
    }
  });

  it('gives broken and brand-new desktops no connection after they broke or before they exist', () => {
    const estate = generateEstate({ seed: 9, desktops: 800 });
    for (const d of estate.personal.desktops) {
      const last = d.connection.LastKnownUserConnectionTimestamp?.getTime();
      if (d.workspace.State === 'PENDING') expect(last).toBeUndefined();
      if (d.workspace.ErrorCode) expect(last).toBeUndefined();
      if ((d.workspace.State === 'ERROR' || d.workspace.State === 'SUSPENDED') && last !== undefined)
        expect(last).toBeLessThanOrEqual(d.usageEndsAt?.getTime() ?? 0);
    }
  });
});
