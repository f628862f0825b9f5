import { describe, expect, it } from 'vitest';
import { fleet } from './__tests__/fixtures.js';
import { fleetRow, stackRow } from './rows.js';

describe('inventory rows', () => {
  it('a multi-session fleet row carries the user-session fields; an Elastic one only its session cap', () => {
    const multi = fleetRow(
      fleet('helpdesk', {
        MaxSessionsPerInstance: 10,
        ComputeCapacityStatus: {
          Desired: 6,
          Running: 6,
          InUse: 4,
          Available: 2,
          DesiredUserSessions: 60,
          ActualUserSessions: 60,
          ActiveUserSessions: 35,
          AvailableUserSessions: 25,
        },
      }),
      ['b-stack', 'a-stack'],
    );
    expect(multi.attributes).toMatchObject({
      sessionModel: 'multi',
      runningInstances: 6,
      desiredUserSessions: 60,
      activeUserSessions: 35,
      availableUserSessions: 25,
      stacks: 'a-stack, b-stack',
    });
    const elastic = fleetRow(fleet('contractors', { FleetType: 'ELASTIC', MaxConcurrentSessions: 40 }), []);
    expect(elastic.attributes).toMatchObject({
      sessionModel: 'elastic',
      maxConcurrentSessions: 40,
      stacks: null,
    });
    expect(elastic.attributes).not.toHaveProperty('runningInstances');
  });

  it('a stack row says which fleets stream it and which outward channels it leaves open', () => {
    const row = stackRow(
      {
        Name: 'pilot',
        UserSettings: [{ Action: 'FILE_DOWNLOAD', Permission: 'DISABLED' }],
        StorageConnectors: [{ ConnectorType: 'HOMEFOLDERS' }],
      },
      [],
    );
    expect(row.state).toBe('NO_FLEET');
    expect(row.attributes).toMatchObject({
      fleets: null,
      outwardChannelsOpen: 2,
      outwardChannels: 'CLIPBOARD_COPY_TO_LOCAL_DEVICE, PRINTING_TO_LOCAL_DEVICE',
      storageConnectors: 'HOMEFOLDERS',
    });
  });
});
