/**
 * Claims Caja reads from a Cognito access token. `cognito:groups` carries the roles; the
 * pre-token-generation trigger copies the user's custom:tenant_id and custom:party_id attributes
 * into the access token as `tenant_id` and `party_id`. The local issuer signs the same claims.
 */
export const CLAIM = {
  groups: 'cognito:groups',
  tenant: 'tenant_id',
  party: 'party_id',
  tokenUse: 'token_use',
  clientId: 'client_id',
} as const;

/** Cognito user-pool custom attributes (declared without the `custom:` prefix in CDK). */
export const USER_ATTRIBUTE = {
  tenant: 'tenant_id',
  party: 'party_id',
} as const;

export const DEMO_TENANT = 'demo';
