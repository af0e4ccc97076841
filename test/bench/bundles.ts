/**
 * Budgets 1 and 2 of SPEC §6: every function bundle, built with the options the CDK functions use
 * (lib/bundling.ts `esbuildOptions`), and its module init in fresh Node processes compared with a
 * baseline handler that only creates the DynamoDB document client, built the same way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { routes } from '../../functions/routes.js';
import { esbuildOptions } from '../../lib/bundling.js';
import { referenceNote, sinceReference } from './bundle-reference.js';
import { buildSplit, closureBytes } from './export-bundle.js';
import { REPO_ROOT } from '../../lib/local/dynamodb.js';
import { budgetOf, BUNDLE_BUDGET_KB, INIT_BUDGET_RATIO, OWN_BUDGETS } from './budgets.js';
import { type BudgetResult, fmt, median } from './stats.js';

export const BASELINE = 'baseline';
/** The baseline is imported again after every this many other bundles. */
const BASELINE_EVERY = 5;

/** Functions the CDK app deploys that are not in the route table. */
const EXTRA_FUNCTIONS = [{ handler: 'system/pre-token-generation', label: '(Cognito pre-token-generation trigger)' }];
const BASELINE_ENTRY = resolve(REPO_ROOT, 'test/bench/baseline-handler.ts');
/** One function also built with nothing external, to show what the externals cost at init (INFO only). */
const SELF_CONTAINED_SAMPLE = 'workorders/create-payment';

export interface Bundle {
  name: string;
  /** Route key or what the function is. */
  label: string;
  entry: string;
  outfile: string;
  bytes: number;
  kind: 'function' | 'baseline' | 'info';
  /** Deployed split into chunks (its route's `codeSplitting`): `outfile` is index.mjs, `bytes` what a cold start reads. */
  split?: { allBytes: number; files: number };
  error?: string;
}

export interface BuiltBundles {
  bundles: Bundle[];
  /** External imports left in the bundles: path → how they are imported. */
  externals: Map<string, Set<string>>;
  buildMs: number;
}

/**
 * One esbuild call with every entry point and exactly the options of `esbuildOptions()` (one call
 * shares the parsing of the SDK between entries; without splitting each output is still a complete,
 * independent bundle, byte for byte the single-entry build but for the file name in the map comment).
 */
export async function buildBundles(outDir: string, { selfContained: withSelfContained = true } = {}): Promise<BuiltBundles> {
  const started = performance.now();
  const targets: Omit<Bundle, 'outfile' | 'bytes'>[] = [
    ...routes.map((r) => ({
      name: r.handler as string,
      label: `${r.method} ${r.path}`,
      entry: resolve(REPO_ROOT, 'functions', `${r.handler}.ts`),
      kind: 'function' as const,
      ...('codeSplitting' in r && r.codeSplitting ? { split: { allBytes: 0, files: 0 } } : {}),
    })),
    ...EXTRA_FUNCTIONS.map((f) => ({ name: f.handler, label: f.label, entry: resolve(REPO_ROOT, 'functions', `${f.handler}.ts`), kind: 'function' as const })),
    { name: BASELINE, label: '(imports and creates DynamoDBDocumentClient)', entry: BASELINE_ENTRY, kind: 'baseline' },
  ];
  const bundles: Bundle[] = [];
  const outName = (name: string) => name.replace(/\//g, '__');
  const found = targets.filter((t) => {
    if (existsSync(t.entry)) return true;
    bundles.push({ ...t, outfile: '', bytes: 0, error: 'handler module missing' });
    return false;
  });
  // Split functions are built as the CDK deploys them, each on its own; the rest in one call.
  const present = found.filter((t) => !t.split);
  const splits = Promise.all(found.filter((t) => t.split).map(async (t): Promise<Bundle> => {
    const dir = join(outDir, outName(t.name));
    try {
      const split = await buildSplit(t.entry, dir);
      const allBytes = closureBytes(split.chunks, split.chunks.keys());
      return { ...t, outfile: join(dir, 'index.mjs'), bytes: closureBytes(split.chunks, split.entryClosure), split: { allBytes, files: split.chunks.size } };
    } catch (error) {
      return { ...t, outfile: '', bytes: 0, error: String((error as Error).message).split('\n')[0] };
    }
  }));
  const { outfile: _ignored, entryPoints: _one, ...options } = esbuildOptions(present[0]!.entry, join(outDir, 'x.mjs'));
  const externals = new Map<string, Set<string>>();
  const collect = (metafile: Metafile | undefined) => {
    for (const output of Object.values(metafile?.outputs ?? {})) {
      for (const imp of output.imports) {
        if (!imp.external || imp.path.startsWith('node:') || builtinModules.includes(imp.path)) continue;
        const kinds = externals.get(imp.path) ?? new Set<string>();
        kinds.add(imp.kind);
        externals.set(imp.path, kinds);
      }
    }
  };

  const main = build({
    ...options,
    entryPoints: Object.fromEntries(present.map((t) => [outName(t.name), t.entry])),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  // The same two handlers with nothing external, for the INFO rows of the init table.
  const selfDir = join(outDir, 'self-contained');
  const sample = present.find((t) => t.name === SELF_CONTAINED_SAMPLE);
  // The INFO rows only matter to the init table; the size check in `npm test` skips them.
  const selfContained = !withSelfContained ? Promise.reject(new Error('not built')) : build({
    ...options,
    external: [],
    entryPoints: Object.fromEntries([BASELINE_ENTRY, ...(sample ? [sample.entry] : [])].map((e, i) => [i === 0 ? 'baseline' : outName(sample!.name), e])),
    outdir: selfDir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  selfContained.catch(() => undefined); // awaited below; INFO only
  try {
    collect((await main).metafile);
    for (const t of present) {
      const outfile = join(outDir, `${outName(t.name)}.mjs`);
      bundles.push({ ...t, outfile, bytes: statSync(outfile).size });
    }
  } catch (error) {
    // One broken handler fails the whole call: build them one by one to tell which.
    for (const t of present) {
      const outfile = join(outDir, `${outName(t.name)}.mjs`);
      try {
        await build({ ...esbuildOptions(t.entry, outfile), logLevel: 'silent' });
        bundles.push({ ...t, outfile, bytes: statSync(outfile).size });
      } catch (single) {
        bundles.push({ ...t, outfile, bytes: 0, error: String((single as Error).message).split('\n')[0] ?? String(error) });
      }
    }
  }
  bundles.push(...(await splits));
  try {
    await selfContained;
    bundles.push({
      name: `${BASELINE}, self-contained`,
      label: '(same, nothing external)',
      entry: BASELINE_ENTRY,
      outfile: join(selfDir, 'baseline.mjs'),
      bytes: statSync(join(selfDir, 'baseline.mjs')).size,
      kind: 'info',
    });
    if (sample) {
      const outfile = join(selfDir, `${outName(sample.name)}.mjs`);
      bundles.push({ ...sample, name: `${sample.name}, self-contained`, label: '(same, nothing external)', outfile, bytes: statSync(outfile).size, kind: 'info' });
    }
  } catch {
    // INFO only
  }
  // Externals resolve the way the Lambda runtime resolves them: from a node_modules next to the
  // bundle (the repo's stands in for the SDK the nodejs22.x runtime ships).
  for (const dir of [outDir, selfDir]) {
    mkdirSync(dir, { recursive: true });
    if (!existsSync(join(dir, 'node_modules'))) symlinkSync(resolve(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  }
  const order = new Map(targets.map((t, i) => [t.name, i]));
  const rank = (b: Bundle) => (b.kind === 'info' ? 1000 : (order.get(b.name) ?? 999));
  bundles.sort((a, b) => rank(a) - rank(b));
  return { bundles, externals, buildMs: performance.now() - started };
}

/** Function bundles that failed to build or are over their size budget (budgets.ts), with why. */
export function bundlesOverBudget(bundles: readonly Bundle[]): string[] {
  return bundles
    .filter((b) => b.kind === 'function' && (b.error || b.bytes / 1024 > budgetOf(b.label).bundleKb))
    .map((b) => (b.error ? `${b.name}: ${b.error}` : `${b.name} (${b.label}): ${fmt(b.bytes / 1024, 1)} KB > ${budgetOf(b.label).bundleKb} KB`));
}

export function bundleSizeBudget(built: BuiltBundles): BudgetResult {
  const { bundles } = built;
  const over = new Set(bundlesOverBudget(bundles).map((line) => line.split(/[ :]/)[0]));
  const rows = bundles.map((b) => {
    const budget = b.kind === 'function' ? String(budgetOf(b.label).bundleKb) : '';
    const verdict = b.error ? 'FAIL' : b.kind !== 'function' ? 'INFO' : over.has(b.name) ? 'FAIL' : 'PASS';
    const reference = b.error || b.kind !== 'function' ? ['', ''] : sinceReference(b.name, b.bytes);
    return [b.name, b.error ? `error: ${b.error}` : b.label, b.error ? 'n/a' : fmt(b.bytes / 1024, 1), ...reference, budget, verdict];
  });
  const functions = bundles.filter((b) => b.kind === 'function' && !b.error);
  const largest = functions.reduce((max, b) => (b.bytes > max.bytes ? b : max), functions[0]!);
  const notes = [
    ...functions.filter((b) => b.split).map((b) =>
      `${b.name} is deployed split into chunks (its route's codeSplitting): ${fmt(b.bytes / 1024, 1)} KB is what a cold start reads` +
        ` (index.mjs and its static chunks); ${b.split!.files} files, ${fmt(b.split!.allBytes / 1024, 1)} KB in all (test/bench/export-bundle.ts per format).`),
    referenceNote,
    `${functions.length} function bundles built in ${fmt(built.buildMs / 1000, 1)} s with lib/bundling.ts esbuildOptions(); largest: ${largest.name} ${fmt(largest.bytes / 1024, 1)} KB.`,
    ...Object.entries(OWN_BUDGETS).map(([route, b]) => `own budget (SPEC §6), ${route}: ${b.bundleKb} KB, init ${b.initRatio}x: ${b.why}.`),
  ];
  if (built.externals.size > 0) {
    notes.push(
      `left external (not counted above): ${[...built.externals].map(([path, kinds]) => `${path} (${[...kinds].join(', ')})`).join('; ')}`,
    );
  }
  return {
    title: '1. Bundle size',
    rule: `each function's .mjs (minified, AWS SDK bundled, without the .map) <= ${BUNDLE_BUDGET_KB} KB, or its own budget (test/bench/budgets.ts)`,
    headers: ['function', 'route', 'KB', 'reference KB', 'change KB', 'budget KB', 'verdict'],
    rows,
    notes,
    failed: rows.some((r) => r.at(-1) === 'FAIL'),
  };
}

/**
 * Imports a bundle in a fresh process, timing only `await import()`. Lambda runs every function
 * with NODE_OPTIONS=--enable-source-maps (lib/constructs/caja-function.ts), so the children do too.
 */
const CHILD = `
const url = process.env.BENCH_MODULE_URL;
const c0 = process.cpuUsage();
const t0 = performance.now();
const m = await import(url);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(c0);
if (typeof m.handler !== 'function') { console.error('no handler export'); process.exit(2); }
process.stdout.write(ms + ' ' + (cpu.user + cpu.system) / 1000);
`;

export interface InitSamples {
  /** Milliseconds (wall clock) of `await import()` per run, by bundle name. */
  samples: Map<string, number[]>;
  /** CPU milliseconds (user + system, all threads) of the same imports. */
  cpu: Map<string, number[]>;
  runs: number;
  failures: Map<string, string>;
  ms: number;
  /** Functions that were over the budget after the rounds and got as many runs again. */
  confirmed: Set<string>;
}

export interface InitOptions {
  env: Record<string, string>;
  /** Rounds (one import of every bundle each) to aim for… */
  maxRuns: number;
  /** …and never fewer than this… */
  minRuns: number;
  /** …stopping after the round that passes this many milliseconds. */
  budgetMs: number;
}

/** The environment a bundle's module init sees in the bench: what the handlers read at import, pointing nowhere. */
export const BENCH_INIT_ENV: Readonly<Record<string, string>> = {
  TABLE_NAME: 'caja-bench',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AUTH_ISSUER: 'http://127.0.0.1:9/local-issuer',
  AUTH_JWKS_URI: 'http://127.0.0.1:9/local-issuer/.well-known/jwks.json',
  AUTH_CLIENT_ID: 'caja-local-client',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

export function measureInit(bundles: readonly Bundle[], options: InitOptions): InitSamples {
  const started = performance.now();
  const usable = bundles.filter((b) => !b.error);
  const init: InitSamples = {
    samples: new Map(usable.map((b) => [b.name, [] as number[]])),
    cpu: new Map(usable.map((b) => [b.name, [] as number[]])),
    runs: 0,
    failures: new Map<string, string>(),
    ms: 0,
    confirmed: new Set<string>(),
  };
  const childEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ...options.env,
    NODE_OPTIONS: '--enable-source-maps',
  };
  const importOnce = (bundle: Bundle) => {
    if (init.failures.has(bundle.name)) return;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD], {
      env: { ...childEnv, BENCH_MODULE_URL: pathToFileURL(bundle.outfile).href },
      encoding: 'utf8',
      timeout: 30_000,
    });
    const [ms, cpuMs] = String(child.stdout).split(' ').map(Number) as [number, number];
    if (child.status !== 0 || child.stdout === '' || !Number.isFinite(ms)) {
      const lines = (child.stderr || `exit ${child.status}`).trim().split('\n');
      init.failures.set(bundle.name, lines.find((l) => /Error/.test(l)) ?? lines.at(-1) ?? 'failed');
      return;
    }
    init.samples.get(bundle.name)!.push(ms);
    init.cpu.get(bundle.name)!.push(cpuMs);
  };
  const others = usable.filter((b) => b.name !== BASELINE);
  const baseline = usable.filter((b) => b.name === BASELINE);

  for (; init.runs < options.maxRuns; init.runs++) {
    if (init.runs >= options.minRuns && performance.now() - started > options.budgetMs) break;
    // Interleaved and rotated: each round imports every bundle once, starting at a different one,
    // so noise and order effects spread over all of them. The baseline, which every ratio divides
    // by, comes back after every few bundles: many samples spread over the whole phase, so one
    // unlucky moment of the machine cannot move the yardstick.
    const rotated = others.map((_, i) => others[(i + init.runs * 7) % others.length]!);
    for (const [i, bundle] of rotated.entries()) {
      if (i % BASELINE_EVERY === 0) baseline.forEach(importOnce);
      importOnce(bundle);
    }
  }

  // A function over the budget gets as many runs again, each next to a baseline run, before the
  // verdict: on a shared machine a burst of load during its few runs must not decide it alone.
  const over = () => {
    const base = median(init.samples.get(BASELINE) ?? []);
    return others.filter((b) => b.kind === 'function' && median(init.samples.get(b.name) ?? []) > budgetOf(b.label).initRatio * base);
  };
  const suspects = over();
  const confirming = performance.now();
  for (let round = 0; round < init.runs && suspects.length > 0; round++) {
    if (round >= options.minRuns && performance.now() - confirming > options.budgetMs / 3) break;
    for (const bundle of suspects) {
      baseline.forEach(importOnce);
      importOnce(bundle);
    }
  }
  for (const b of suspects) init.confirmed.add(b.name);
  init.ms = performance.now() - started;
  return init;
}

export function initBudget(bundles: readonly Bundle[], init: InitSamples): BudgetResult {
  const base = median(init.samples.get(BASELINE) ?? []);
  const baseCpu = median(init.cpu.get(BASELINE) ?? []);
  const rows: (string | number)[][] = [];
  let failed = !Number.isFinite(base);
  for (const b of bundles) {
    const values = init.samples.get(b.name) ?? [];
    const failure = b.error ?? init.failures.get(b.name);
    if (failure) {
      rows.push([b.name, 'n/a', 'n/a', 'n/a', '', 'n/a', 'n/a', b.kind === 'info' ? `INFO (${failure})` : `FAIL (${failure})`]);
      if (b.kind !== 'info') failed = true;
      continue;
    }
    const m = median(values);
    const ratio = m / base;
    const limit = budgetOf(b.label).initRatio;
    const verdict = b.kind !== 'function' ? 'INFO' : ratio <= limit ? 'PASS' : 'FAIL';
    if (verdict === 'FAIL') failed = true;
    const cpuMedian = median(init.cpu.get(b.name) ?? []);
    const cpuRatio = cpuMedian / baseCpu;
    const runs = [
      init.confirmed.has(b.name) ? `${values.length} runs` : '',
      // Wall clock over, CPU time within: most likely other load on the machine during its runs.
      verdict === 'FAIL' && cpuRatio <= limit ? `cpu ${fmt(cpuRatio)}x: load noise?` : '',
    ].filter(Boolean);
    rows.push([b.name, fmt(m, 1), fmt(Math.min(...values), 1), `${fmt(ratio)}x`, b.kind === 'function' ? `${limit}x` : '', fmt(cpuMedian, 1), `${fmt(cpuRatio)}x`, runs.length ? `${verdict} (${runs.join('; ')})` : verdict]);
  }
  return {
    title: '2. Module init',
    rule: `median of \`await import(bundle)\` in a fresh node process <= ${INIT_BUDGET_RATIO} x the baseline's median (or its own budget, test/bench/budgets.ts), same run`,
    headers: ['function', 'median ms', 'min ms', 'vs baseline', 'budget', 'cpu median ms', 'cpu vs baseline', 'verdict'],
    rows,
    notes: [
      `${init.runs} fresh processes per bundle, ${init.samples.get(BASELINE)?.length ?? 0} for the baseline (rounds interleave every bundle, rotated,` +
        ` the baseline after every ${BASELINE_EVERY}), ${fmt(init.ms / 1000, 1)} s; node ${process.version}` +
        ' with NODE_OPTIONS=--enable-source-maps as the functions run on Lambda (nodejs22.x there).',
      `baseline: test/bench/baseline-handler.ts, only imports and creates DynamoDBDocumentClient, built with the same options.`,
      'External imports resolve from a node_modules next to the bundles (a link to the repo\'s), as the runtime\'s SDK would.',
      '"self-contained" rows (INFO): the same handlers built with nothing external, for comparison.',
      `A function over the budget after the rounds is run as many times again, each run next to a baseline run, before its verdict` +
        ` (${init.confirmed.size ? [...init.confirmed].join(', ') : 'none needed it'}).`,
      'The verdict uses wall-clock medians; the CPU time of the same imports (user+system) is shown as a check that is far less',
      'sensitive to other load on the machine; `npm run bench:init-count` counts instructions instead, which load does not move.',
    ],
    failed,
  };
}

/** The rounds of a full init measurement (the bench's quick mode takes one). */
export const INIT_ROUNDS = { minRuns: 5, maxRuns: 15, budgetMs: 70_000 } as const;

/**
 * Budget 2 as SPEC §6 judges it, over two runs (init is noisy on shared machines): init measured
 * twice, each run printed for information, and a function over budget only when over in both.
 */
export function initBudgetOverTwoRuns(bundles: readonly Bundle[], rounds: Omit<InitOptions, 'env'>, note: () => string = () => ''): BudgetResult[] {
  const runs = [1, 2].map((run) => {
    const result = initBudget(bundles, measureInit(bundles, { ...rounds, env: BENCH_INIT_ENV }));
    return { ...result, title: `${result.title}, run ${run} of 2${note()}`, failed: false, over: overBudget(result) };
  });
  const [first, second] = runs as [(typeof runs)[0], (typeof runs)[0]];
  const inBoth = [...first.over].filter((name) => second.over.has(name));
  const inOne = [...new Set([...first.over, ...second.over])].filter((name) => !inBoth.includes(name));
  const verdict: BudgetResult = {
    title: '2. Module init, over two runs',
    rule: 'a function fails when it is over its init budget in both runs above',
    headers: ['', 'functions'],
    rows: [
      ['over in both runs', inBoth.join(', ') || 'none'],
      ['over in one run only (noise)', inOne.join(', ') || 'none'],
    ],
    notes: [],
    // An import that fails, fails in both runs: it is among inBoth too.
    failed: inBoth.length > 0,
  };
  return [...runs.map(({ over: _over, ...result }) => result), verdict];
}

/** The functions a run of budget 2 found over budget. */
const overBudget = (result: BudgetResult) =>
  new Set(result.rows.filter((row) => String(row.at(-1)).startsWith('FAIL')).map((row) => String(row[0])));

