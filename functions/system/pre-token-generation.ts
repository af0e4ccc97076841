/**
 * Cognito pre-token-generation trigger (event version V2_0): copies the user's tenant and party from
 * the custom attributes into the ACCESS token, where the API Gateway authorizer and the functions read
 * them (shared/auth/claims.ts). A user without a tenant gets no tenant claim, and every tenant-scoped
 * route then rejects the token. The claim is never taken from client metadata.
 */
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { CLAIM, USER_ATTRIBUTE } from '../../shared/auth/claims.js';

const TENANT_ATTRIBUTE = `custom:${USER_ATTRIBUTE.tenant}`;
const PARTY_ATTRIBUTE = `custom:${USER_ATTRIBUTE.party}`;

export async function handler<E extends PreTokenGenerationV2TriggerEvent>(event: E): Promise<E> {
  const attributes = event.request.userAttributes ?? {};
  const claims: Record<string, string> = {};
  const tenant = attributes[TENANT_ATTRIBUTE];
  if (tenant) claims[CLAIM.tenant] = tenant;
  const party = attributes[PARTY_ATTRIBUTE];
  if (party) claims[CLAIM.party] = party;

  event.response = {
    ...event.response,
    claimsAndScopeOverrideDetails: {
      ...event.response?.claimsAndScopeOverrideDetails,
      accessTokenGeneration: {
        ...event.response?.claimsAndScopeOverrideDetails?.accessTokenGeneration,
        claimsToAddOrOverride: claims,
      },
    },
  };
  return event;
}
