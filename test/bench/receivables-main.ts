/**
 * `npm run bench:receivables`: just the receivables search mix of `npm run bench` (budget 4c), on a
 * local stack of its own, with every request's DynamoDB calls listed. RECEIVABLES_BENCH_PAYMENTS and
 * RECEIVABLES_BENCH_DAYS size the data (10,000 over 730 days by default); RECEIVABLES_BENCH_SAMPLES
 * the p50 samples (15).
 */
import { startLocalStack } from '../../lib/local/stack.js';
import { GatewayClient } from './http.js';
import { receivablesSearchBudget } from './receivables-search.js';
import { Recorder } from './recorder.js';
import { printBudget } from './stats.js';
import { db } from '../../shared/store/client.js';

process.env.LOG_LEVEL = 'warn';
const stack = await startLocalStack({ port: 0, inMemory: true, quiet: true, tableName: 'caja-bench-receivables', writeStateFile: false });
const http = new GatewayClient(stack.baseUrl);
const recorder = new Recorder();
recorder.install(db());
try {
  const { result, listings } = await receivablesSearchBudget({ stack, recorder, http }, { samples: Number(process.env.RECEIVABLES_BENCH_SAMPLES ?? 15) });
  printBudget(result);
  console.log('\n== DynamoDB calls per request (first request of each combination)');
  for (const listing of listings) console.log(listing);
  process.exitCode = result.failed ? 1 : 0;
} finally {
  http.close();
  await stack.stop();
}
setTimeout(() => process.exit(process.exitCode), 200).unref();
