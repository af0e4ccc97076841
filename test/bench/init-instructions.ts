/**
 * Budget 2's load-proof second opinion: the instructions a bundle's module init executes, counted by
 * valgrind's cachegrind (no cache simulation). Wall-clock medians move by 10-15 % with other load on a
 * shared machine; these counts repeat within about 1 %, so they tell a real regression from noise.
 * SPEC §6 judges init by time (./bundles.ts); this prints the same ratio by instructions, against the
 * same baseline and budgets. `npm run bench:init-count` (needs the Debian `valgrind` package).
 */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { budgetOf } from './budgets.js';
import { BASELINE, BENCH_INIT_ENV, type Bundle } from './bundles.js';
import { fmt, type BudgetResult } from './stats.js';

/** The same import the wall-clock runs time, on the same Node with the same options, single-threaded so counts repeat. */
const IMPORT = 'await import(process.env.BENCH_MODULE_URL)';
/** What node itself costs to start and import a module file: subtracted from every count. */
const EMPTY_MODULE = 'export const handler = () => {};\n';

export const hasValgrind = () => spawnSync('valgrind', ['--version']).status === 0;

function countInstructions(moduleUrl: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null',
      process.execPath, '--enable-source-maps', '--single-threaded', '--input-type=module', '-e', IMPORT], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...BENCH_INIT_ENV, BENCH_MODULE_URL: moduleUrl },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr)?.[1];
      if (code === 0 && refs) resolve(Number(refs.replaceAll(',', '')));
      else reject(new Error(stderr.trim().split('\n').find((l) => /Error/.test(l)) ?? `exit ${code}`));
    });
  });
}

/** Counts every bundle once, `parallel` at a time (counts do not depend on load). */
export async function initInstructions(bundles: readonly Bundle[], parallel = 2): Promise<BudgetResult> {
  const started = performance.now();
  const usable = bundles.filter((b) => !b.error && b.kind !== 'info');
  const emptyFile = join(dirname(usable[0]!.outfile), 'empty-module.mjs');
  writeFileSync(emptyFile, EMPTY_MODULE);
  const jobs: [string, string][] = [['(empty module)', pathToFileURL(emptyFile).href], ...usable.map((b) => [b.name, pathToFileURL(b.outfile).href] as [string, string])];
  const counts = new Map<string, number | Error>();
  let next = 0;
  const worker = async () => {
    for (let job = jobs[next++]; job; job = jobs[next++]) {
      counts.set(job[0], await countInstructions(job[1]).catch((error: Error) => error));
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));

  const empty = counts.get('(empty module)');
  const base = counts.get(BASELINE);
  if (typeof empty !== 'number' || typeof base !== 'number') throw new Error(`no count for the empty module or the baseline: ${String(empty)} ${String(base)}`);
  const baseInit = base - empty;
  let failed = false;
  const rows = usable.map((b) => {
    const count = counts.get(b.name);
    if (typeof count !== 'number') {
      failed = true;
      return [b.name, 'n/a', 'n/a', '', `FAIL (${count?.message ?? 'not counted'})`];
    }
    const ratio = (count - empty) / baseInit;
    const limit = budgetOf(b.label).initRatio;
    const verdict = b.kind !== 'function' ? 'INFO' : ratio <= limit ? 'PASS' : 'FAIL';
    if (verdict === 'FAIL') failed = true;
    return [b.name, fmt((count - empty) / 1e6, 1), `${fmt(ratio)}x`, b.kind === 'function' ? `${limit}x` : '', verdict];
  });
  return {
    title: '2b. Module init by instructions (second opinion)',
    rule: 'instructions of `await import(bundle)` minus an empty module\'s <= the init budget x the baseline\'s, counted by valgrind cachegrind',
    headers: ['function', 'M instructions', 'vs baseline', 'budget', 'verdict'],
    rows,
    notes: [
      `One count per bundle (they repeat within ~1 %), ${parallel} at a time, ${fmt((performance.now() - started) / 1000, 1)} s;` +
        ` node ${process.version} --enable-source-maps --single-threaded; the empty module: ${fmt(empty / 1e6, 0)} M, subtracted.`,
      'Time per instruction differs between bundles (parsing, I/O), so this is a check on the wall-clock verdict, not SPEC\'s rule.',
    ],
    failed,
  };
}
