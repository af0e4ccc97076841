/**
 * The export function's bundle (issue 13 item 11; SPEC §6 gives it a budget of its own), measured
 * with the options every function is built with (lib/bundling.ts), two ways:
 *
 * - "split": as it is deployed (its route names `codeSplitting`; lib/bundling.ts splitEsbuildOptions):
 *   the entry chunk holds the handler, CSV and everything shared; the XLSX and PDF code sit in chunks
 *   of their own that Node reads only when `await import()` asks for them.
 * - "single file": what NodejsFunction would build (`--outfile`, no code splitting). esbuild inlines
 *   the dynamic imports, so the XLSX and PDF libraries are in the one file: evaluated lazily, but
 *   read and parsed at every cold start.
 *
 * The unit test renders through a stand-in handler (no store needed); the real function
 * (functions/accounts/export.ts) is built split the way the CDK deploys it.
 *
 * Run: `npx tsx test/bench/export-bundle.ts` (prints a table); the unit test
 * test/unit/exports-lazy-loading.test.ts checks the split with buildExportBundles().
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { esbuildOptions, splitEsbuildOptions } from '../../lib/bundling.js';

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const EXPORT_ENTRY = resolve(REPO_ROOT, 'test/bench/export-handler-stand-in.ts');
const STATEMENT_ENTRY = resolve(REPO_ROOT, 'functions/accounts/get-statement.ts');
/** The export function itself (functions/accounts/export.ts). */
const REAL_EXPORT_ENTRY = resolve(REPO_ROOT, 'functions/accounts/export.ts');

/** Proposed budgets of the export function (KB, minified, without .map), about 20 % over today's sizes. */
export const EXPORT_BUDGET_KB = {
  /** Split build: what a cold start (and a CSV export) reads; the other functions' 400 KB. */
  entry: 400,
  /** Split build: what the first XLSX export adds (write-excel-file + fflate, ~78 KB today). */
  excel: 100,
  /** Split build: what the first PDF export adds (pdf-lib, its font metrics, pako; ~434 KB today). */
  pdf: 520,
  /** Single-file build, as NodejsFunction would bundle it (~811 KB; not deployed since the split). */
  singleFile: 980,
} as const;

export interface OutputChunk {
  /** File name inside the split directory. */
  file: string;
  /** Absolute path of the file. */
  path: string;
  bytes: number;
  /** Package names and repository modules whose code the chunk holds. */
  packages: string[];
  modules: string[];
  /** Chunks it imports statically (loaded with it) and dynamically (loaded on demand). */
  staticImports: string[];
  dynamicImports: string[];
}

export const FORMAT_MODULES = {
  csv: 'shared/exports/csv.ts',
  excel: 'shared/exports/xlsx.ts',
  pdf: 'shared/exports/pdf.ts',
} as const;

function packageOf(input: string): string | undefined {
  return /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
}

export function chunksOf(metafile: Metafile): Map<string, OutputChunk> {
  const chunks = new Map<string, OutputChunk>();
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!file.endsWith('.mjs')) continue;
    const inputs = Object.keys(output.inputs);
    chunks.set(basename(file), {
      file: basename(file),
      path: resolve(file),
      bytes: output.bytes,
      packages: [...new Set(inputs.map(packageOf).filter((p): p is string => p !== undefined))].sort(),
      modules: inputs.filter((input) => packageOf(input) === undefined),
      staticImports: output.imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => basename(i.path)),
      dynamicImports: output.imports.filter((i) => i.kind === 'dynamic-import' && !i.external).map((i) => basename(i.path)),
    });
  }
  return chunks;
}

/** The chunks Node reads when it imports `file`: the file and, recursively, its static imports. */
export function staticClosure(chunks: ReadonlyMap<string, OutputChunk>, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const next of chunks.get(file)?.staticImports ?? []) staticClosure(chunks, next, seen);
  return seen;
}

/** What rendering a format loads: its renderer's chunk, the library the renderer imports on demand, and their static imports. */
function formatClosure(chunks: ReadonlyMap<string, OutputChunk>, rendererChunk: string): Set<string> {
  const files = staticClosure(chunks, rendererChunk);
  for (const library of chunks.get(rendererChunk)!.dynamicImports) staticClosure(chunks, library, files);
  return files;
}

export const closureBytes = (chunks: ReadonlyMap<string, OutputChunk>, files: Iterable<string>) =>
  [...files].reduce((sum, file) => sum + (chunks.get(file)?.bytes ?? 0), 0);

export interface SplitBuild {
  chunks: Map<string, OutputChunk>;
  dir: string;
  /** What a cold start reads: index.mjs and its static imports. */
  entryClosure: Set<string>;
  /** Per format, the chunks its renderer and its library add to the entry closure when first asked for. */
  formatChunks: Record<keyof typeof FORMAT_MODULES, Set<string>>;
}

function splitBuildOf(metafile: Metafile, dir: string): SplitBuild {
  const chunks = chunksOf(metafile);
  const entryClosure = staticClosure(chunks, 'index.mjs');
  const chunkOf = (module: string) => [...chunks.values()].find((chunk) => chunk.modules.includes(module))!.file;
  const formatChunks = Object.fromEntries(
    Object.entries(FORMAT_MODULES).map(([format, module]) => [
      format,
      new Set([...formatClosure(chunks, chunkOf(module))].filter((file) => !entryClosure.has(file))),
    ]),
  ) as SplitBuild['formatChunks'];
  return { chunks, dir, entryClosure, formatChunks };
}

/** The entry as the CDK deploys a `codeSplitting` route (chunk files flattened into one name space for the analysis). */
export async function buildSplit(entry: string, dir: string): Promise<SplitBuild> {
  const result = await build({ ...splitEsbuildOptions(entry, dir), logLevel: 'error' });
  return splitBuildOf(result.metafile!, dir);
}

export interface ExportBundles extends SplitBuild {
  /** The stand-in's split directory (its index.mjs). */
  splitDir: string;
  singleFile: string;
  singleFileBytes: number;
}

/** The stand-in handler split into chunks as the CDK deploys a `codeSplitting` route, and as one file (what NodejsFunction would build). */
export async function buildExportBundles(outDir = mkdtempSync(join(tmpdir(), 'caja-export-bundle-'))): Promise<ExportBundles> {
  const singleFile = join(outDir, 'single', 'index.mjs');
  const [split] = await Promise.all([
    buildSplit(EXPORT_ENTRY, join(outDir, 'split')),
    build({ ...esbuildOptions(EXPORT_ENTRY, singleFile), logLevel: 'error' }),
  ]);
  return { ...split, splitDir: split.dir, singleFile, singleFileBytes: statSync(singleFile).size };
}

export interface ExportComparisons {
  /** The real export function (functions/accounts/export.ts), split as deployed. */
  deployed: SplitBuild;
  /** The same as one file, and the statement function, for comparison. */
  realExportFile: string;
  realExportBytes: number;
  statementFile: string;
  statementBytes: number;
}

/** The bench's other builds (the unit test needs only the stand-in's). */
async function buildComparisons(outDir: string): Promise<ExportComparisons> {
  const realExportFile = join(outDir, 'export', 'index.mjs');
  const statementFile = join(outDir, 'statement', 'index.mjs');
  const [deployed] = await Promise.all([
    buildSplit(REAL_EXPORT_ENTRY, join(outDir, 'deployed')),
    build({ ...esbuildOptions(REAL_EXPORT_ENTRY, realExportFile), logLevel: 'error' }),
    build({ ...esbuildOptions(STATEMENT_ENTRY, statementFile), logLevel: 'error' }),
  ]);
  return { deployed, realExportFile, realExportBytes: statSync(realExportFile).size, statementFile, statementBytes: statSync(statementFile).size };
}

/** Milliseconds of `await import(file)` in a fresh process (median of `runs`). */
function importMs(file: string, runs: number): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  const samples = Array.from({ length: runs }, () => {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH ?? '', AWS_REGION: 'us-east-1', NODE_OPTIONS: '--enable-source-maps' },
      encoding: 'utf8',
    });
    return Number(child.stdout);
  }).sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** Render time and file size per format for reports of many rows (a vendedor per row), in this process. */
async function printRenderTimes() {
  const { renderExport } = await import('../../shared/exports/render-export.js');
  const { sampleReport, totalsOf } = await import('../unit/fixtures/period-reports.js');
  const sample = sampleReport();
  console.log('render (ms, KB of file), first call includes loading the library:');
  for (const count of [500, 2_000]) {
    const rows = Array.from({ length: count }, (_, i) => ({ ...sample.rows[i % 3]!, entity: { id: `vendedor-${i}`, name: `Vendedor número ${i}` } }));
    const report = { ...sample, rows, totals: totalsOf(rows) };
    const cells: string[] = [];
    for (const format of ['csv', 'excel', 'pdf'] as const) {
      const started = performance.now();
      const file = await renderExport(format, report);
      cells.push(`${format} ${(performance.now() - started).toFixed(0)} ms ${kb(file.body.length)} KB`);
    }
    console.log(`  ${count} rows: ${cells.join(', ')}`);
  }
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/**
 * A cold start of the split function, then the first export of `format`: milliseconds of
 * `await import(index.mjs)` and of importing the chunks that format adds (its renderer and library),
 * median of `runs` fresh processes each.
 */
function splitInitMs(built: SplitBuild, format: keyof typeof FORMAT_MODULES, runs: number): { entry: number; format: number } {
  const files = [...built.formatChunks[format]].map((file) => pathToFileURL(built.chunks.get(file)!.path).href);
  const script = `const t0 = performance.now(); await import(${JSON.stringify(pathToFileURL(join(built.dir, 'index.mjs')).href)});
    const t1 = performance.now(); for (const f of ${JSON.stringify(files)}) await import(f);
    process.stdout.write((t1 - t0) + ' ' + (performance.now() - t1));`;
  const samples = Array.from({ length: runs }, () => {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH ?? '', AWS_REGION: 'us-east-1', NODE_OPTIONS: '--enable-source-maps' },
      encoding: 'utf8',
    });
    return String(child.stdout).split(' ').map(Number) as [number, number];
  });
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { entry: median(samples.map((s) => s[0])), format: median(samples.map((s) => s[1])) };
}

async function main() {
  const outDir = mkdtempSync(join(tmpdir(), 'caja-export-bundle-'));
  const built = { ...(await buildExportBundles(outDir)), ...(await buildComparisons(outDir)) };
  const { chunks, deployed } = built;
  const allBytes = closureBytes(chunks, chunks.keys());
  const row = (label: string, bytes: number, budgetKb?: number, note = '') => {
    const verdict = budgetKb === undefined ? 'INFO' : bytes / 1024 <= budgetKb ? `PASS (<= ${budgetKb})` : `FAIL (> ${budgetKb})`;
    console.log(`  ${label.padEnd(50)} ${kb(bytes).padStart(8)} KB  ${verdict.padEnd(13)} ${note}`);
  };
  const packagesOf = (build: { chunks: Map<string, OutputChunk> }, files: Set<string>) => [...new Set([...files].flatMap((file) => build.chunks.get(file)!.packages))].join(', ');
  console.log('export function bundle: lib/bundling.ts options, minified ESM, KB without .map');
  row('deployed (split): entry closure (cold start; CSV)', closureBytes(deployed.chunks, deployed.entryClosure), EXPORT_BUDGET_KB.entry, `${deployed.entryClosure.size} files`);
  for (const [format, files] of Object.entries(deployed.formatChunks)) {
    const budget = format === 'csv' ? undefined : EXPORT_BUDGET_KB[format as 'excel' | 'pdf'];
    const packages = packagesOf(deployed, files);
    row(`deployed (split): + ${format} on first use`, closureBytes(deployed.chunks, files), budget, `${files.size} files${packages ? `: ${packages}` : ''}`);
  }
  row('deployed (split): all chunks (SDK lazy parts included)', closureBytes(deployed.chunks, deployed.chunks.keys()), undefined, `${deployed.chunks.size} files`);
  row('accounts/export as one file (NodejsFunction would)', built.realExportBytes, EXPORT_BUDGET_KB.singleFile);
  row('stand-in (test handler), split: entry closure', closureBytes(chunks, built.entryClosure), EXPORT_BUDGET_KB.entry, `${built.entryClosure.size} files`);
  row('stand-in, split: all chunks', allBytes, undefined, `${chunks.size} files`);
  row('stand-in, single file', built.singleFileBytes, EXPORT_BUDGET_KB.singleFile);
  row('accounts/get-statement, for comparison', built.statementBytes);
  await printRenderTimes();
  const runs = 7;
  console.log(`module init, median of ${runs} fresh processes (ms):`);
  for (const format of ['csv', 'excel', 'pdf'] as const) {
    const { entry, format: more } = splitInitMs(deployed, format, runs);
    console.log(`  deployed export, cold start ${entry.toFixed(1)} + first ${format} export loads ${more.toFixed(1)}`);
  }
  console.log(
    `  export as one file ${importMs(built.realExportFile, runs).toFixed(1)}, get-statement ${importMs(built.statementFile, runs).toFixed(1)}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
