/**
 * `npm start [-- --in-memory]`: the whole API locally on PORT (default 3000), with the demo tenant
 * seeded. Ctrl-C (SIGINT) or SIGTERM stops everything it started, DynamoDB Local included.
 */
import { readFileSync } from 'node:fs';
import { startLocalStack } from '../lib/local/stack.js';

const USAGE = `Usage: npm start [-- --in-memory] [-- --quiet]

  --in-memory   keep DynamoDB Local data in memory (default: .caja/dynamodb)
  --quiet       no per-request log lines
  PORT=<n>      listen on another port (default 3000)
  CORS_ORIGINS=<origins>  comma-separated browser origins allowed cross-origin (default none)`;

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    process.stderr.write(`PORT must be a port number, got "${value}"\n`);
    process.exit(1);
  }
  return port;
}

/**
 * Under `npm start` the chain is npm → sh → tsx → this process, and a SIGTERM sent to npm alone
 * kills sh without reaching us (dash does not forward it), orphaning tsx and this process. Notice
 * that our launcher's parent changed and stop as if we had been sent SIGTERM. Linux only, best effort.
 */
function watchLauncher(onGone: () => void): void {
  if (process.platform !== 'linux') return;
  const parent = process.ppid;
  const parentOfParent = (): number | undefined => {
    try {
      const stat = readFileSync(`/proc/${parent}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return undefined;
    }
  };
  const initial = parentOfParent();
  if (initial === undefined || initial <= 1) return;
  setInterval(() => {
    if (process.ppid !== parent || parentOfParent() !== initial) onGone();
  }, 1000).unref();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const unknown = args.filter((a) => !['--in-memory', '--quiet'].includes(a));
  if (unknown.length) {
    process.stderr.write(`unknown option ${unknown.join(' ')}\n${USAGE}\n`);
    process.exit(1);
  }
  const inMemory = args.includes('--in-memory');
  const port = parsePort(process.env.PORT);
  const startedAt = Date.now();

  let stopping = false;
  let stack: Awaited<ReturnType<typeof startLocalStack>> | undefined;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C: leave now; the exit hook still kills DynamoDB Local.
      process.exit(130);
    }
    stopping = true;
    process.stderr.write(`\n${signal}: stopping Caja…\n`);
    const done = stack ? stack.stop() : Promise.resolve();
    done.then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`error while stopping: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  watchLauncher(() => {
    if (!stopping) shutdown('SIGTERM');
  });

  stack = await startLocalStack({
    port,
    inMemory,
    quiet: args.includes('--quiet'),
    writeStateFile: true,
    // Imported only now, so no store module is loaded before the stack has set process.env.
    seed: async () => (await import('../lib/local/seed.js')).seedDemo(),
  });
  if (stopping) {
    // A signal arrived while starting.
    await stack.stop();
    process.exit(0);
  }

  const url = stack.baseUrl;
  const portEnv = port === 3000 ? '' : `PORT=${port} `;
  const token = `$(${portEnv}npm run --silent token -- --role ADMIN)`;
  process.stdout.write(
    [
      '',
      `Caja is running at ${url}  (started in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`,
      `  DynamoDB Local ${stack.dynamodbEndpoint} (${inMemory ? 'in memory' : 'data in .caja/dynamodb'}), table ${stack.tableName}`,
      `  Token issuer   ${stack.issuerUrl}`,
      '',
      'Get a token (roles: ADMIN, EMPLOYEE, BANCA, VENTANA, VENDEDOR, RESIDENT):',
      `  ${portEnv}npm run --silent token -- --role ADMIN`,
      '',
      'First request:',
      `  curl ${url}/health`,
      `  curl -H "Authorization: Bearer ${token}" ${url}/api/pagos`,
      '',
      `Ctrl-C (or kill -INT ${process.pid}) stops everything.`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`Caja failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
