/**
 * The whole API on one machine: DynamoDB Local with the deployed table definition, the local token
 * issuer and the local HTTP API gateway calling the real handler modules. Used by `npm start` and
 * by the test run's global setup.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { REPO_ROOT, startDynamoDbLocal, LOCAL_CREDENTIALS, LOCAL_REGION, type DynamoDbLocal } from './dynamodb.js';
import { type Gateway, startGateway } from './gateway.js';
import { parseCorsOrigins } from '../cors.js';
import type { LocalIssuer } from './issuer.js';

export const DEFAULT_TABLE_NAME = 'caja-local';
export const STATE_FILE = resolve(REPO_ROOT, '.caja/local.json');

export interface LocalStackOptions {
  /** Gateway port; 0 picks a random free one. Default 3000. */
  port?: number;
  inMemory?: boolean;
  dataDir?: string;
  quiet?: boolean;
  tableName?: string;
  /** Write `.caja/local.json` so `npm run token` finds the stack. Default: unless the port is random. */
  writeStateFile?: boolean;
  /** Origins allowed cross-origin (lib/cors.ts); default from `CORS_ORIGINS`, none when unset. */
  corsOrigins?: readonly string[];
  /** Runs once everything answers and process.env is set, before start resolves. */
  seed?: (stack: LocalStack) => Promise<void>;
}

export interface LocalStack {
  baseUrl: string;
  port: number;
  issuerUrl: string;
  clientId: string;
  dynamodbEndpoint: string;
  tableName: string;
  issuer: LocalIssuer;
  /** How long DynamoDB Local took to answer, in ms. */
  dynamodbStartupMs: number;
  stop(): Promise<void>;
}

export interface LocalState {
  baseUrl: string;
  issuerUrl: string;
  clientId: string;
  /** For the CLIs that write through the store (npm run tenant, npm run invoke). */
  dynamodbEndpoint: string;
  tableName: string;
  pid: number;
}

/** The running stack's state; CAJA_STATE_FILE points the CLIs (tenant, invoke) at another one (their tests). */
export function readStateFile(file = process.env.CAJA_STATE_FILE ?? STATE_FILE): LocalState | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LocalState;
  } catch {
    return undefined;
  }
}

/** The environment the handlers read (shared/env.ts), pointing at this stack. */
export function stackEnv(stack: Pick<LocalStack, 'tableName' | 'dynamodbEndpoint' | 'issuerUrl' | 'clientId'>): Record<string, string> {
  return {
    TABLE_NAME: stack.tableName,
    DYNAMODB_ENDPOINT: stack.dynamodbEndpoint,
    AUTH_ISSUER: stack.issuerUrl,
    AUTH_JWKS_URI: `${stack.issuerUrl}/.well-known/jwks.json`,
    AUTH_CLIENT_ID: stack.clientId,
    AWS_REGION: LOCAL_REGION,
  };
}

/** Sets the handler environment; dummy AWS credentials only where none are configured. */
export function applyStackEnv(env: Record<string, string>): void {
  Object.assign(process.env, env);
  process.env.AWS_ACCESS_KEY_ID ??= LOCAL_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY ??= LOCAL_CREDENTIALS.secretAccessKey;
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const tableName = options.tableName ?? DEFAULT_TABLE_NAME;
  const port = options.port ?? 3000;
  const writeState = options.writeStateFile ?? port !== 0;
  // The SDK's "node >= 22 soon" notice is noise for a local run on the supported Node 20.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

  // Both at once; whichever fails, the other is stopped.
  const [dbResult, gatewayResult] = await Promise.allSettled([
    startDynamoDbLocal({
      tableName,
      ...(options.inMemory ? { inMemory: true } : {}),
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    }),
    startGateway({
      port,
      holdRequests: true,
      corsOrigins: options.corsOrigins ?? parseCorsOrigins(process.env.CORS_ORIGINS, 'CORS_ORIGINS'),
      ...(options.quiet ? { quiet: true } : {}),
    }),
  ]);
  if (dbResult.status === 'rejected' || gatewayResult.status === 'rejected') {
    if (dbResult.status === 'fulfilled') await dbResult.value.stop();
    if (gatewayResult.status === 'fulfilled') await gatewayResult.value.close();
    const reason = dbResult.status === 'rejected' ? dbResult.reason : (gatewayResult as PromiseRejectedResult).reason;
    if ((reason as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
      throw new Error(`port ${port} is already in use (is Caja already running?); set PORT to use another`);
    }
    throw reason;
  }
  const db: DynamoDbLocal = dbResult.value;
  const gateway: Gateway = gatewayResult.value;

  const issuerUrl = gateway.issuer.issuerUrl;
  // Before the first request can import a handler module.
  applyStackEnv(stackEnv({ tableName, dynamodbEndpoint: db.endpoint, issuerUrl, clientId: gateway.issuer.clientId }));
  gateway.open();

  let stopping: Promise<void> | undefined;
  const stack: LocalStack = {
    baseUrl: gateway.baseUrl,
    port: gateway.port,
    issuerUrl,
    clientId: gateway.issuer.clientId,
    dynamodbEndpoint: db.endpoint,
    tableName,
    issuer: gateway.issuer,
    dynamodbStartupMs: db.startupMs,
    stop: () =>
      (stopping ??= (async () => {
        if (writeState && readStateFile(STATE_FILE)?.pid === process.pid) rmSync(STATE_FILE, { force: true });
        await Promise.all([gateway.close(), db.stop()]);
      })()),
  };

  try {
    if (options.seed) await options.seed(stack);
    if (writeState) {
      mkdirSync(dirname(STATE_FILE), { recursive: true });
      const state: LocalState = { baseUrl: stack.baseUrl, issuerUrl, clientId: stack.clientId, dynamodbEndpoint: db.endpoint, tableName, pid: process.pid };
      writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
    }
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack;
}
