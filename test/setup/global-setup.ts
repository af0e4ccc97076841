/**
 * Starts ONE local stack for the whole test run: DynamoDB Local in memory, the local issuer and the
 * gateway on a random port. It seeds nothing: every test makes its own tenant (`newTenant()`).
 */
import type { TestProject } from 'vitest/node';
import { startLocalStack, stackEnv } from '../../lib/local/stack.js';
import type { CajaTestStack } from '../support/context.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Handlers called through the gateway run in this process: keep their request logs out of the report.
  process.env.LOG_LEVEL ??= 'warn';
  // As a deployment configures them (CORS_ORIGINS under npm start): test/e2e/cors.test.ts calls cross-origin.
  const corsOrigins = ['https://app.caja.test'];
  const stack = await startLocalStack({ port: 0, inMemory: true, quiet: true, writeStateFile: false, corsOrigins });
  const caja: CajaTestStack = {
    baseUrl: stack.baseUrl,
    port: stack.port,
    issuerUrl: stack.issuerUrl,
    clientId: stack.clientId,
    kid: stack.issuer.kid,
    dynamodbEndpoint: stack.dynamodbEndpoint,
    tableName: stack.tableName,
    env: stackEnv(stack),
    corsOrigins,
  };
  project.provide('caja', caja);
  return async () => {
    await stack.stop();
  };
}
