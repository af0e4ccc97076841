/**
 * `npm run bench:bundles`: only budgets 1 and 2 (bundle sizes, and module init judged over two
 * runs as `npm run bench` does), no local stack.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundles, bundleSizeBudget, INIT_ROUNDS, initBudgetOverTwoRuns } from './bundles.js';
import { fmt, printBudget } from './stats.js';

const workDir = mkdtempSync(join(tmpdir(), 'caja-bench-bundles-'));
const load = () => ` (load ${loadavg().map((l) => fmt(l, 1)).join(' ')})`;
let failed = true;
try {
  const built = await buildBundles(workDir);
  const results = [bundleSizeBudget(built), ...initBudgetOverTwoRuns(built.bundles, INIT_ROUNDS, load)];
  results.forEach(printBudget);
  const judged = [results[0]!, results.at(-1)!];
  console.log(`\n== Summary\n${judged.map((r) => `   ${r.failed ? 'FAIL' : 'PASS'}  ${r.title}`).join('\n')}`);
  failed = judged.some((r) => r.failed);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
