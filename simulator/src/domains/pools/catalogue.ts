/**
 * WorkSpaces Pools facts the pools are built from: the roles pools play in the estate, their
 * sizes and purposes, and the `WorkspacesPoolErrorCode` values that keep capacity below desired
 * (the Secrets Manager domain-join codes exist because Pools join AD with a service-account
 * secret; WorkSpaces Pools admin guide).
 */
import type { WorkspacesPoolErrorCode, WorkspacesPoolState } from '@aws-sdk/client-workspaces';
import type { PoolRole } from './model.js';

/** The first pools of the estate take one role each, so even a small estate shows every finding. */
export const LEADING_ROLES: readonly PoolRole[] = [
  'exhausted',
  'idle',
  'stopped',
  'below-desired',
  'exhausted-below-desired',
  'starting',
  'updating',
  'creating',
  'stopping',
];
export const LATER_ROLES: readonly (readonly [PoolRole, number])[] = [
  ['healthy', 58],
  ['exhausted', 11],
  ['below-desired', 9],
  ['stopped', 9],
  ['idle', 6],
  ['exhausted-below-desired', 3],
  ['starting', 1],
  ['updating', 2],
  ['creating', 0.5],
  ['stopping', 0.5],
];
export const STATE_OF_ROLE: Readonly<Record<PoolRole, WorkspacesPoolState>> = {
  healthy: 'RUNNING',
  exhausted: 'RUNNING',
  'below-desired': 'RUNNING',
  'exhausted-below-desired': 'RUNNING',
  idle: 'RUNNING',
  stopped: 'STOPPED',
  starting: 'STARTING',
  updating: 'UPDATING',
  creating: 'CREATING',
  stopping: 'STOPPING',
};

export const POOL_PURPOSES = [
  'call-centre',
  'finance-shared',
  'contractors',
  'training-lab',
  'support-tier1',
  'claims-processing',
  'frontdesk-kiosk',
  'seasonal-staff',
  'dev-sandbox',
  'audit-team',
] as const;
export const DESIRED_SIZES = [5, 10, 10, 15, 20, 25, 30, 40, 50, 75, 100] as const;
/** WorkSpaces Pools launched in June 2024: no pool is older. */
export const POOLS_LAUNCH = Date.UTC(2024, 5, 28);

/** The errors that keep Actual below Desired, with what AWS says and how much capacity survives. */
export const CAPACITY_ERRORS: readonly (readonly [WorkspacesPoolErrorCode, string, number])[] = [
  [
    'SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES',
    'The subnets of the directory do not have enough free IP addresses to launch the desired capacity.',
    0.5,
  ],
  [
    'DOMAIN_JOIN_ERROR_SECRET_ACTION_PERMISSION_IS_MISSING',
    'The service cannot read the domain-join secret: secretsmanager:GetSecretValue is not allowed for the WorkSpaces service role.',
    0,
  ],
  [
    'IAM_SERVICE_ROLE_MISSING_ENI_CREATE_ACTION',
    'The workspaces_DefaultRole IAM role is missing ec2:CreateNetworkInterface.',
    0.3,
  ],
  [
    'DOMAIN_JOIN_ERROR_SECRET_DECRYPTION_FAILURE',
    'The domain-join secret could not be decrypted with its AWS KMS key.',
    0,
  ],
  ['DOMAIN_JOIN_ERROR_SECRET_NOT_FOUND', 'The domain-join secret does not exist.', 0],
  [
    'DOMAIN_JOIN_ERROR_SECRET_STATE_INVALID',
    'The domain-join secret is scheduled for deletion and cannot be used.',
    0,
  ],
  [
    'DOMAIN_JOIN_ERROR_SECRET_VALUE_KEY_NOT_FOUND',
    'The domain-join secret does not contain the expected username and password keys.',
    0,
  ],
  [
    'DOMAIN_JOIN_ERROR_SECRET_INVALID',
    'The credentials in the domain-join secret were rejected by the domain controller.',
    0,
  ],
  ['IAM_SERVICE_ROLE_IS_MISSING', 'The workspaces_DefaultRole IAM role does not exist.', 0],
  [
    'NETWORK_INTERFACE_LIMIT_EXCEEDED',
    'The account reached its elastic network interface quota in this Region.',
    0.6,
  ],
];
