/**
 * `npm run bench:bundles`: only budgets 1 and 2 (bundle sizes and module init), no local stack.
 * SPEC §6 asks to judge init over two runs: run it twice and compare the two init tables.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_INIT_ENV, buildBundles, bundleSizeBudget, initBudget, measureInit } from './bundles.js';
import { fmt, printBudget } from './stats.js';

const workDir = mkdtempSync(join(tmpdir(), 'caja-bench-bundles-'));
let failed = true;
try {
  console.log(`load ${loadavg().map((l) => fmt(l, 1)).join(' ')}`);
  const built = await buildBundles(workDir);
  const sizes = bundleSizeBudget(built);
  printBudget(sizes);
  const init = initBudget(built.bundles, measureInit(built.bundles, { minRuns: 5, maxRuns: 15, budgetMs: 70_000, env: BENCH_INIT_ENV }));
  printBudget(init);
  console.log(`\n== Summary\n   ${sizes.failed ? 'FAIL' : 'PASS'}  ${sizes.title}\n   ${init.failed ? 'FAIL' : 'PASS'}  ${init.title}`);
  failed = sizes.failed || init.failed;
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
