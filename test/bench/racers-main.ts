/** `npm run bench:racers`: just the racers budget of `npm run bench`, on a local stack of its own. */
import { startLocalStack } from '../../lib/local/stack.js';
import { racersBudget } from './racers.js';
import { Recorder } from './recorder.js';
import { GatewayClient } from './http.js';
import { printBudget } from './stats.js';

process.env.LOG_LEVEL = 'warn';
const stack = await startLocalStack({ port: 0, inMemory: true, quiet: true, tableName: 'caja-bench-racers', writeStateFile: false });
const http = new GatewayClient(stack.baseUrl);
try {
  const result = await racersBudget({ stack, recorder: new Recorder(), http });
  printBudget(result);
  process.exitCode = result.failed ? 1 : 0;
} finally {
  http.close();
  await stack.stop();
}
setTimeout(() => process.exit(process.exitCode), 200).unref();
