/**
 * `npm run bench`: measures every budget of SPEC §6, prints a table per budget with PASS/FAIL and
 * exits 1 when one is broken.
 *
 *   1. bundle size of every function          (esbuild, lib/bundling.ts options)
 *   2. module init vs a document-client-only baseline   (fresh node processes)
 *   3. gateway p50 vs bare DynamoDB p50 for create and list payments   (local stack, in memory)
 *   4. zero Scans; items read / items returned on a search mix (4b: the gateway GET /pagos mix)
 *   5. write capacity per payment create vs what its transaction needs
 *   6. request cost flat in history size      (long histories loaded with BatchWrite; BENCH_FLAT_SIZES)
 *   7. racers: 300 on one Idempotency-Key, 1,000 distinct payments on one charge and on one statement
 *
 * The machine is shared and noisy: every comparison is a ratio of medians measured in the same run.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../../lib/local/dynamodb.js';
import { type LocalStack, startLocalStack } from '../../lib/local/stack.js';
import { db } from '../../shared/store/client.js';
import { buildBundles, bundleSizeBudget, INIT_ROUNDS, initBudgetOverTwoRuns } from './bundles.js';
import { capacityBudget } from './capacity.js';
import { racersBudget } from './racers.js';
import { flatCostBudget, flatSizes } from './flat-cost.js';
import { GatewayClient } from './http.js';
import { latencyBudget } from './latency.js';
import { Recorder } from './recorder.js';
import { gatewaySearchBudget } from './gateway-search.js';
import { receivablesSearchBudget } from './receivables-search.js';
import { addScanRow, searchBudget } from './search.js';
import { type AccountsTenant, accountsTenant, type BenchContext, workordersTenant } from './setup.js';
import { addUnmeasured, type BudgetResult, fmt, printBudget } from './stats.js';

const started = performance.now();
const elapsed = () => `${fmt((performance.now() - started) / 1000, 1)} s`;
const phase = (name: string) => console.log(`\n-- ${name} (at ${elapsed()})`);

// BENCH_QUICK=1 (development only): one init round and few samples; the verdicts mean little then.
const QUICK = process.env.BENCH_QUICK === '1';
const INIT = QUICK ? { minRuns: 1, maxRuns: 1, budgetMs: 0 } : INIT_ROUNDS;
const LATENCY = QUICK ? { warmup: 5, samples: 20 } : { warmup: 30, samples: 200 };

// Handlers log one line per request: keep the output to the tables (the capacity budget turns
// logs on for the requests it inspects).
process.env.LOG_LEVEL = 'warn';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const cpu = cpus();
console.log('Caja bench (SPEC §6)');
console.log(
  `machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown cpu'}), ${fmt(totalmem() / 2 ** 30, 1)} GiB, ` +
    `load ${loadavg().map((l) => fmt(l, 1)).join(' ')}; node ${process.version} (${process.platform}/${process.arch}); Lambda runs nodejs22.x`,
);

/** Whether something still accepts connections at the URL (DynamoDB Local after stop: it must not). */
function answers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolveAnswer) => {
    const socket = createConnection({ host: hostname, port: Number(port) });
    const done = (value: boolean) => {
      socket.destroy();
      resolveAnswer(value);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const results: BudgetResult[] = [];
const report = (result: BudgetResult) => {
  results.push(result);
  printBudget(result);
};
const listingsOut: string[] = [];
let crashed: unknown;
const workDir = mkdtempSync(join(tmpdir(), 'caja-bench-'));
let stack: LocalStack | undefined;
let http: GatewayClient | undefined;

try {
  phase('building bundles');
  const built = await buildBundles(workDir);
  report(bundleSizeBudget(built));

  phase('module init');
  for (const result of initBudgetOverTwoRuns(built.bundles, INIT)) report(result);

  phase('starting the local stack (DynamoDB Local in memory, issuer, gateway)');
  stack = await startLocalStack({ port: 0, inMemory: true, quiet: true, tableName: 'caja-bench', writeStateFile: false });
  console.log(`   DynamoDB Local answered after ${stack.dynamodbStartupMs} ms; gateway ${stack.baseUrl}`);
  const recorder = new Recorder();
  recorder.install(db());
  http = new GatewayClient(stack.baseUrl);
  const ctx: BenchContext = { stack, recorder, http };

  const wo = await workordersTenant(ctx);
  phase(`latency: ${LATENCY.samples} creates and lists through the gateway and as bare calls`);
  const latency = await latencyBudget(ctx, wo, LATENCY);
  report(latency.result);
  listingsOut.push(...latency.listings);

  const hasAccounts = ['accounts/create-payment', 'accounts/list-payments'].every((h) => existsSync(resolve(REPO_ROOT, 'functions', `${h}.ts`)));
  phase(hasAccounts ? 'search mix (workorders and accounts)' : 'search mix (workorders; no accounts handlers yet)');
  // A few payments on the small work order, and some ids to read back.
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) {
    ids.push(String((await http.send('POST', '/api/pagos', { token: wo.token, body: wo.body(wo.smallWorkOrderId) })).body.data.id));
  }
  const page = await http.send('GET', '/api/pagos?page=3&size=10', { token: wo.token });
  ids.push(...(page.body.data.content as { id: number }[]).map((p) => String(p.id)));
  // The accounts API may be mid-change: if it cannot even take the set-up payments, its rows fail
  // and the rest of the bench still runs.
  let acct: AccountsTenant | undefined;
  let acctError: string | undefined;
  if (hasAccounts) {
    try {
      acct = await accountsTenant(ctx);
    } catch (error) {
      acctError = (error as Error).message;
      console.log(`   accounts API could not be set up: ${acctError}`);
    }
  }
  const search = await searchBudget(ctx, wo, acct, ids);
  listingsOut.push(...search.listings);
  if (acctError) addUnmeasured(search.result, 'GET /api/v1/accounts/payments (history)', acctError, 'whole search mix');

  phase('gateway search mix (GET /pagos over 10,000 payments)');
  const gateway = await gatewaySearchBudget(ctx, { samples: QUICK ? 3 : 15 });
  listingsOut.push(...gateway.listings);

  phase('receivables search mix (GET /v1/getPayments over 10,000 payments)');
  const receivables = await receivablesSearchBudget(ctx, { samples: QUICK ? 3 : 15 });
  listingsOut.push(...receivables.listings);

  phase('write capacity per create');
  const capacity = await capacityBudget(ctx, wo, acct);
  listingsOut.push(...capacity.listings);
  if (acctError) addUnmeasured(capacity.result, 'POST /api/v1/accounts/payment', acctError);

  phase('flat cost: long histories loaded into DynamoDB Local, then each request once');
  const flat = await flatCostBudget(ctx, flatSizes(process.env.BENCH_FLAT_SIZES ?? (QUICK ? 'quick' : undefined)));
  listingsOut.push(...flat.listings);

  phase('racers: one key, one charge, one statement');
  const racers = await racersBudget(ctx);

  addScanRow(search.result, recorder);
  report(search.result);
  report(gateway.result);
  report(receivables.result);
  report(capacity.result);
  report(flat.result);
  report(racers);

  console.log('\n== DynamoDB calls per request (tenant shown as {t}, ids as {id})');
  for (const listing of listingsOut) console.log(`\n${listing}`);
} catch (error) {
  crashed = error;
  console.error(`\nbench failed: ${(error as Error)?.stack ?? String(error)}`);
} finally {
  http?.close();
  if (stack) {
    const stopping = performance.now();
    await stack.stop(); // DynamoDB Local (Java) included
    const alive = await answers(stack.dynamodbEndpoint);
    console.log(`\nlocal stack stopped in ${fmt(performance.now() - stopping, 0)} ms; DynamoDB Local ${alive ? 'STILL ANSWERS' : 'no longer answers'} at ${stack.dynamodbEndpoint}`);
    if (alive) crashed ??= new Error('DynamoDB Local still running after stop');
  }
  rmSync(workDir, { recursive: true, force: true });
}

const failed = results.filter((r) => r.failed);
console.log('\n== Summary');
for (const r of results) console.log(`   ${r.failed ? 'FAIL' : 'PASS'}  ${r.title}`);
if (crashed) console.log('   FAIL  the bench did not complete (see the error above)');
console.log(`   total time ${elapsed()}`);
process.exitCode = crashed || failed.length > 0 ? 1 : 0;
// Sockets of the SDK or the JWKS cache must not keep a finished bench alive.
setTimeout(() => process.exit(process.exitCode), 200).unref();
