/**
 * Verifies the bearer token again inside the function (defence in depth behind the API Gateway
 * authorizer): signature against the issuer's JWKS, exp, issuer, client id and token_use=access.
 * One code path for Cognito and the local issuer: JwtVerifier with Cognito's checks written out,
 * since CognitoJwtVerifier accepts only real pool ids.
 */
import { JwtVerifier } from 'aws-jwt-verify/jwt-verifier';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { Fetcher } from 'aws-jwt-verify/https';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { env } from '../env.js';
import { CLAIM } from './claims.js';

/** The library's own fetcher speaks only https; the local issuer serves its JWKS over http. */
const fetchJwks: Fetcher = {
  async fetch(uri: string) {
    const response = await fetch(uri, { signal: AbortSignal.timeout(3000) });
    if (!response.ok) throw new Error(`JWKS fetch failed with ${response.status}`);
    return response.arrayBuffer();
  },
};

function createVerifier() {
  const { authIssuer, authJwksUri, authClientId } = env();
  return JwtVerifier.create(
    {
      issuer: authIssuer,
      jwksUri: authJwksUri,
      audience: null, // Cognito access tokens carry client_id, not aud: checked below.
      customJwtCheck: ({ payload }) => {
        if (payload[CLAIM.tokenUse] !== 'access') throw new Error('not an access token');
        if (payload[CLAIM.clientId] !== authClientId) throw new Error('token issued to another client');
      },
    },
    { jwksCache: new SimpleJwksCache({ fetcher: fetchJwks }) },
  );
}

let verifier: ReturnType<typeof createVerifier> | undefined;
let verifierIssuer: string | undefined;

export async function verifyAccessToken(token: string): Promise<JwtPayload> {
  // Rebuilt only if the issuer changes (tests start a fresh local issuer per run).
  if (!verifier || verifierIssuer !== process.env.AUTH_ISSUER) {
    verifier = createVerifier();
    verifierIssuer = process.env.AUTH_ISSUER;
  }
  return verifier.verify(token);
}
