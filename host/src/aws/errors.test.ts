import { describe, expect, it, vi } from 'vitest';
import { awsError } from '../../test/fixtures/fake-aws.js';
import {
  classifyAwsError,
  rememberFailedCall,
  summarizeError,
  ToolError,
  type TranslationHints,
  translateError,
} from './errors.js';

const hints: TranslationHints = {
  tierPolicyFor: (action) =>
    action === 'workspaces:DescribeWorkspaces' ? 'iam/tier0-diagnostics.json' : undefined,
  reauthenticate: () => 'Run `aws sso login --profile p`.',
};
const call = { iamAction: 'workspaces:DescribeWorkspaces', region: 'eu-west-1', account: '123456789012' };

describe('AWS error translation', () => {
  it('classifies the usual AWS codes', () => {
    expect(classifyAwsError(awsError('AccessDeniedException', 'x', 403)).kind).toBe('access-denied');
    expect(classifyAwsError(awsError('UnauthorizedOperation', 'x', 403)).kind).toBe('access-denied');
    expect(classifyAwsError(awsError('ExpiredTokenException', 'x', 400)).kind).toBe('expired-credentials');
    expect(classifyAwsError(new Error('The SSO session associated with this profile has expired')).kind).toBe(
      'expired-credentials',
    );
    expect(
      classifyAwsError(
        Object.assign(new Error('Could not load credentials from any providers'), {
          name: 'CredentialsProviderError',
        }),
      ).kind,
    ).toBe('missing-credentials');
    expect(classifyAwsError(awsError('ThrottlingException', 'x', 400)).kind).toBe('throttled');
    expect(classifyAwsError(awsError('TooManyRequestsException', 'x', 429)).kind).toBe('throttled');
    expect(classifyAwsError(awsError('ResourceNotFoundException', 'x', 400)).kind).toBe('not-found');
    expect(classifyAwsError(awsError('InvalidParameterValuesException', 'x', 400)).kind).toBe(
      'invalid-request',
    );
    expect(classifyAwsError(awsError('InternalFailure', 'x', 500)).kind).toBe('unavailable');
  });
  it('AccessDenied names the missing action, where, and the tier policy to attach', () => {
    const error = awsError('AccessDeniedException', 'User is not authorized', 403);
    rememberFailedCall(error, call);
    const translated = translateError(error, hints);
    expect(translated.message).toContain(
      'the IAM action workspaces:DescribeWorkspaces in eu-west-1 (account 123456789012)',
    );
    expect(translated.message).toContain('Attach iam/tier0-diagnostics.json');
    expect(translated.iamAction).toBe('workspaces:DescribeWorkspaces');
  });
  it('expired credentials say how to re-authenticate', () => {
    const translated = translateError(
      awsError('ExpiredTokenException', 'The security token included in the request is expired'),
      hints,
    );
    expect(translated.message).toContain('have expired');
    expect(translated.message).toContain('aws sso login --profile p');
  });
  it('a ToolError passes through with its code and message', () => {
    expect(translateError(new ToolError('NotFound', 'No desktop for user jdoe.'), hints)).toEqual({
      kind: 'tool',
      code: 'NotFound',
      message: 'No desktop for user jdoe.',
    });
  });

  it("a ToolError from a plugin's own copy of the plugin API is still a ToolError", async () => {
    // A second module instance, as a separately installed plugin has.
    vi.resetModules();
    const copy = await import('./errors.js');
    expect(copy.ToolError).not.toBe(ToolError);
    const foreign = new copy.ToolError(
      'NotFound',
      'No pool named edu.',
      'workspaces:DescribeWorkspacesPools',
    );
    expect(translateError(foreign, hints)).toEqual({
      kind: 'tool',
      code: 'NotFound',
      message: 'No pool named edu.',
    });
    expect(summarizeError(foreign)).toMatchObject({
      code: 'NotFound',
      iamAction: 'workspaces:DescribeWorkspacesPools',
    });
    // And the call an AWS error came from, remembered by one copy, is read by the other.
    const denied = awsError('AccessDeniedException', 'not authorized');
    rememberFailedCall(denied, call);
    expect(copy.summarizeError(denied).iamAction).toBe('workspaces:DescribeWorkspaces');
  });

  it('an endpoint that does not resolve says the service is not offered in that region', () => {
    const error = Object.assign(new Error('getaddrinfo ENOTFOUND workspaces.ap-east-2.amazonaws.com'), {
      code: 'ENOTFOUND',
      hostname: 'workspaces.ap-east-2.amazonaws.com',
    });
    rememberFailedCall(error, { ...call, region: 'ap-east-2' });
    const summary = summarizeError(error);
    expect(summary.code).toBe('ServiceNotInRegion');
    expect(summary.message).toMatch(/^workspaces is not offered in ap-east-2 or the region is not enabled/);
    expect(translateError(error, hints)).toMatchObject({ kind: 'unavailable', region: 'ap-east-2' });
  });

  it('credentials refused in an opt-in region say the region is probably not enabled, not to sign in again', () => {
    const refused = () =>
      awsError('UnrecognizedClientException', 'The security token included in the request is invalid.');
    const optIn = refused();
    rememberFailedCall(optIn, { ...call, region: 'ap-southeast-5' });
    const translated = translateError(optIn, hints);
    expect(translated.code).toBe('RegionNotEnabled');
    expect(translated.message).toContain('ap-southeast-5 is an opt-in region');
    expect(translated.message).not.toContain('aws sso login');
    // The same answer in a region every account has is about the credentials.
    const classic = refused();
    rememberFailedCall(classic, { ...call, region: 'eu-west-1' });
    expect(translateError(classic, hints).kind).toBe('expired-credentials');
  });
});
