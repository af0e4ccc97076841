/**
 * `npm run bench:init-count`: budget 2 by instruction counts (./init-instructions.ts), on the bundles
 * `npm run bench:bundles` builds. Needs valgrind; a few minutes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundles } from './bundles.js';
import { hasValgrind, initInstructions } from './init-instructions.js';
import { printBudget } from './stats.js';

if (!hasValgrind()) {
  console.error('bench:init-count needs valgrind (apt-get install -y valgrind)');
  process.exit(2);
}
const workDir = mkdtempSync(join(tmpdir(), 'caja-bench-init-count-'));
try {
  const result = await initInstructions((await buildBundles(workDir, { selfContained: false })).bundles);
  printBudget(result);
  process.exitCode = result.failed ? 1 : 0;
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
