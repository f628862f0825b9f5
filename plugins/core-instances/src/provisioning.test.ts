import { describe, expect, it } from 'vitest';
import { attentionRank, describeEc2Error, ec2Advice, ec2Disagreement, phaseOf } from './provisioning.js';

describe('provisioning states', () => {
  it('names the phase of every ProvisionState', () => {
    expect(phaseOf('ALLOCATED')).toBe('in-service');
    expect(phaseOf('ALLOCATING')).toBe('provisioning');
    expect(phaseOf('DEALLOCATING')).toBe('releasing');
    expect(phaseOf('DEALLOCATED')).toBe('released');
    expect(phaseOf('ERROR_ALLOCATING')).toBe('allocation-failed');
    expect(phaseOf('ERROR_DEALLOCATING')).toBe('release-failed');
    expect(phaseOf(undefined)).toBe('unknown');
  });
});

describe('EC2 error advice', () => {
  it('a vCPU quota error points at Service Quotas; termination protection at DisableApiTermination', () => {
    expect(ec2Advice({ EC2ErrorCode: 'VcpuLimitExceeded' })).toContain('Service Quotas');
    expect(ec2Advice({ EC2ErrorCode: 'OperationNotPermitted' })).toContain('DisableApiTermination');
  });

  it('an error without advice points at EC2’s error reference by its code', () => {
    expect(ec2Advice({ EC2ErrorCode: 'InvalidKeyPair.NotFound' })).toBe(
      'See "InvalidKeyPair.NotFound" in the EC2 API error code reference.',
    );
  });

  it('one line: code, type, advice, then EC2’s own message', () => {
    expect(
      describeEc2Error({
        EC2ErrorCode: 'InsufficientInstanceCapacity',
        EC2ExceptionType: 'Server',
        EC2ErrorMessage: 'No m6i.large capacity in us-east-1a.',
      }),
    ).toBe(
      'EC2 InsufficientInstanceCapacity (Server) → EC2 has no spare capacity of this type in that Availability Zone: retry later, or use a subnet in another zone or another instance type. EC2: No m6i.large capacity in us-east-1a.',
    );
  });
});

describe('what EC2 says against WorkSpaces', () => {
  it('an ALLOCATED instance EC2 no longer knows was terminated behind WorkSpaces’ back', () => {
    expect(ec2Disagreement('ALLOCATED', 'i-1', undefined)).toContain('EC2 does not know i-1');
  });

  it('a stopped EC2 instance means nobody can connect; running or pending is fine', () => {
    expect(ec2Disagreement('ALLOCATED', 'i-1', 'stopped')).toContain('start it in EC2');
    expect(ec2Disagreement('ALLOCATED', 'i-1', 'running')).toBeUndefined();
    expect(ec2Disagreement('ALLOCATED', 'i-1', 'pending')).toBeUndefined();
    expect(ec2Disagreement('DEALLOCATING', 'i-1', 'shutting-down')).toBeUndefined();
  });
});

describe('list order', () => {
  it('failures first, then work in progress, in service, released', () => {
    const states = [
      'DEALLOCATED',
      'ALLOCATED',
      'ALLOCATING',
      'ERROR_ALLOCATING',
      'ERROR_DEALLOCATING',
      'DEALLOCATING',
    ] as const;
    expect([...states].sort((a, b) => attentionRank(a) - attentionRank(b))).toEqual([
      'ERROR_DEALLOCATING',
      'ERROR_ALLOCATING',
      'ALLOCATING',
      'DEALLOCATING',
      'ALLOCATED',
      'DEALLOCATED',
    ]);
  });
});
