import { describe, expect, it } from 'vitest';
import { describeEc2Error, ec2Advice, phaseOf } from './provisioning.js';

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
