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
  const stack = await startLocalStack({ port: 0, inMemory: true, quiet: true, writeStateFile: false });
  const caja: CajaTestStack = {
    baseUrl: stack.baseUrl,
    port: stack.port,
    issuerUrl: stack.issuerUrl,
    clientId: stack.clientId,
    kid: stack.issuer.kid,
    dynamodbEndpoint: stack.dynamodbEndpoint,
    tableName: stack.tableName,
    env: stackEnv(stack),
  };
  project.provide('caja', caja);
  return async () => {
    await stack.stop();
  };
}
