/** What the global setup hands to every test worker (see test/setup/global-setup.ts). */
import { inject } from 'vitest';

export interface CajaTestStack {
  baseUrl: string;
  port: number;
  issuerUrl: string;
  clientId: string;
  /** Key id of the local issuer's signing key. */
  kid: string;
  dynamodbEndpoint: string;
  tableName: string;
  /** The handler environment (TABLE_NAME, DYNAMODB_ENDPOINT, AUTH_ISSUER, ...) for this stack. */
  env: Record<string, string>;
  /** The origins the stack's gateway allows cross-origin (lib/cors.ts). */
  corsOrigins: readonly string[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    caja: CajaTestStack;
  }
}

/** The running test stack. */
export function stack(): CajaTestStack {
  return inject('caja');
}
