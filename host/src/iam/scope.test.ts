import { describe, expect, it } from 'vitest';
import { expandArnTemplate, launcherPolicy, partitionOf, scopedWriteStatements } from './scope.js';

const SCOPE = { accounts: ['111122223333'], regions: ['eu-west-1'], tags: [] };

describe('scoped write policies', () => {
  it('knows the partitions', () => {
    expect(partitionOf('eu-west-1')).toBe('aws');
    expect(partitionOf('cn-north-1')).toBe('aws-cn');
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
  });
  it('expands the reference ARN template for each account and region, names become *', () => {
    expect(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the reference's placeholder syntax
      expandArnTemplate('arn:${Partition}:workspaces:${Region}:${Account}:workspace/${WorkspaceId}', {
        accounts: ['111122223333', '444455556666'],
        regions: ['eu-west-1', 'cn-north-1'],
        tags: [],
      }),
    ).toEqual([
      'arn:aws:workspaces:eu-west-1:111122223333:workspace/*',
      'arn:aws:workspaces:eu-west-1:444455556666:workspace/*',
      'arn:aws-cn:workspaces:cn-north-1:111122223333:workspace/*',
      'arn:aws-cn:workspaces:cn-north-1:444455556666:workspace/*',
    ]);
  });
  it('scopes actions with resource-level permissions and keeps wildcard-only actions apart, saying so', async () => {
    const statements = await scopedWriteStatements(
      ['workspaces:StopWorkspaces', 'workspaces:RebuildWorkspaces', 'workspaces:CreateTags'],
      SCOPE,
      'T',
    );
    expect(statements).toEqual([
      {
        Sid: 'TScopedToWorkspaceid',
        Effect: 'Allow',
        Action: ['workspaces:RebuildWorkspaces', 'workspaces:StopWorkspaces'],
        Resource: 'arn:aws:workspaces:eu-west-1:111122223333:workspace/*',
      },
      {
        Sid: 'TNoResourceLevelPermissionsSoWildcard',
        Effect: 'Allow',
        Action: ['workspaces:CreateTags'],
        Resource: '*',
      },
    ]);
  });
  it('adds an aws:ResourceTag condition only where the reference supports it', async () => {
    const statements = await scopedWriteStatements(
      ['workspaces:StopWorkspaces', 'workspaces:CreateTags'],
      { ...SCOPE, tags: ['team=euc'] },
      'T',
    );
    expect(statements[0]).toMatchObject({
      Sid: 'TScopedToWorkspaceidTagged',
      Condition: { StringEquals: { 'aws:ResourceTag/team': 'euc' } },
    });
    expect(statements[1]).not.toHaveProperty('Condition');
  });
  it('the launcher may assume exactly the configured roles', () => {
    expect(
      launcherPolicy([
        'arn:aws:iam::111122223333:role/b',
        'arn:aws:iam::111122223333:role/a',
        'arn:aws:iam::111122223333:role/a',
      ]),
    ).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AssumeWorkspacesEucTargetRoles',
          Effect: 'Allow',
          Action: ['sts:AssumeRole'],
          Resource: ['arn:aws:iam::111122223333:role/a', 'arn:aws:iam::111122223333:role/b'],
        },
      ],
    });
  });
});
