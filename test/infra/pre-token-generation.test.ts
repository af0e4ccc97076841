import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/system/pre-token-generation.js';

function event(userAttributes: Record<string, string>): PreTokenGenerationV2TriggerEvent {
  return {
    version: '2',
    triggerSource: 'TokenGeneration_Authentication',
    region: 'us-east-1',
    userPoolId: 'us-east-1_test',
    userName: 'user-1',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client-1' },
    request: { userAttributes, groupConfiguration: { groupsToOverride: ['ADMIN'] }, scopes: ['aws.cognito.signin.user.admin'] },
    // Cognito sends null here; the trigger must cope.
    response: { claimsAndScopeOverrideDetails: null as never },
  };
}

describe('pre-token-generation trigger', () => {
  it('adds tenant_id and party_id to the access token', async () => {
    const result = await handler(event({ sub: 'user-1', 'custom:tenant_id': 'acme', 'custom:party_id': 'PTY1' }));
    expect(result.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride).toEqual({
      tenant_id: 'acme',
      party_id: 'PTY1',
    });
  });

  it('adds party_id only when the user has one', async () => {
    const result = await handler(event({ sub: 'user-1', 'custom:tenant_id': 'acme' }));
    expect(result.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride).toEqual({ tenant_id: 'acme' });
  });

  it('adds no tenant claim for a user without tenant', async () => {
    const result = await handler(event({ sub: 'user-1' }));
    expect(result.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride).toEqual({});
  });

  it('keeps the rest of the event and leaves the ID token and groups alone', async () => {
    const input = event({ 'custom:tenant_id': 'acme' });
    const result = await handler(input);
    expect(result.userName).toBe('user-1');
    expect(result.request.groupConfiguration.groupsToOverride).toEqual(['ADMIN']);
    expect(result.response.claimsAndScopeOverrideDetails.idTokenGeneration).toBeUndefined();
    expect(result.response.claimsAndScopeOverrideDetails.groupOverrideDetails).toBeUndefined();
  });
});
