/**
 * `npm run bench:flat`: only budget 6 (flat request cost), on its own local stack. `npm run bench`
 * runs it too, with the other budgets. BENCH_FLAT_SIZES picks the sizes (see flatSizes).
 */
import { startLocalStack } from '../../lib/local/stack.js';
import { db } from '../../shared/store/client.js';
import { flatCostBudget, flatSizes } from './flat-cost.js';
import { GatewayClient } from './http.js';
import { Recorder } from './recorder.js';
import { printBudget } from './stats.js';

process.env.LOG_LEVEL = 'warn';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const stack = await startLocalStack({ port: 0, inMemory: true, quiet: true, tableName: 'caja-bench', writeStateFile: false });
const recorder = new Recorder();
recorder.install(db());
const http = new GatewayClient(stack.baseUrl);
let failed = true;
try {
  const { result, listings } = await flatCostBudget({ stack, recorder, http }, flatSizes(process.env.BENCH_FLAT_SIZES));
  printBudget(result);
  console.log('\n== DynamoDB calls per request, largest history');
  for (const listing of listings) console.log(`\n${listing}`);
  console.log(`\n== Summary\n   ${result.failed ? 'FAIL' : 'PASS'}  ${result.title}`);
  failed = result.failed;
} finally {
  http.close();
  await stack.stop();
}
process.exitCode = failed ? 1 : 0;
setTimeout(() => process.exit(process.exitCode), 200).unref();
