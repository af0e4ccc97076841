/**
 * The export renderers load their libraries only for their own format: checked on the real bundle
 * (lib/bundling.ts options with code splitting), and the bundle run per format in a fresh Node.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildExportBundles, type ExportBundles } from '../bench/export-bundle.js';
import { sampleReport } from './fixtures/period-reports.js';

const HEAVY_PACKAGES = ['pdf-lib', '@pdf-lib/standard-fonts', 'pako', 'write-excel-file', 'fflate'];

let built: ExportBundles;
beforeAll(async () => {
  built = await buildExportBundles();
}, 60_000);

const packagesOf = (files: Iterable<string>) => new Set([...files].flatMap((file) => built.chunks.get(file)!.packages));

/** Imports a built bundle (the split one by default) in a fresh process, renders one format, and says what it got. */
function renderInFreshNode(format: string, bundle = join(built.splitDir, 'index.mjs')): { magic: string; bytes: number } {
  const reportFile = join(built.splitDir, 'report.json');
  writeFileSync(reportFile, JSON.stringify(sampleReport()));
  const script = `
    const { readFileSync } = await import('node:fs');
    const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
    const report = JSON.parse(readFileSync(${JSON.stringify(reportFile)}, 'utf8'));
    const response = await handler({ exportFormat: ${JSON.stringify(format)}, report }, {});
    const body = Buffer.from(response.body, 'base64');
    process.stdout.write(JSON.stringify({ magic: body.subarray(0, 5).toString('latin1'), bytes: body.length }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', AWS_REGION: 'us-east-1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout) as { magic: string; bytes: number };
}

describe('export bundle', () => {
  it('keeps the XLSX and PDF libraries out of what a cold start and a CSV export load', () => {
    const entryPackages = packagesOf(built.entryClosure);
    for (const name of HEAVY_PACKAGES) expect(entryPackages.has(name)).toBe(false);
    expect([...packagesOf(built.formatChunks.csv)].filter((name) => HEAVY_PACKAGES.includes(name))).toEqual([]);
  });

  it('loads each library only with its own format', () => {
    const excel = packagesOf(built.formatChunks.excel);
    const pdf = packagesOf(built.formatChunks.pdf);
    expect(excel.has('write-excel-file')).toBe(true);
    expect(excel.has('pdf-lib')).toBe(false);
    expect(pdf.has('pdf-lib')).toBe(true);
    expect(pdf.has('write-excel-file')).toBe(false);
  });

  it('runs split into chunks: each format renders from the built files', () => {
    expect(renderInFreshNode('csv').magic).toBe('\u00ef\u00bb\u00bfDa'); // BOM, then "Date"
    expect(renderInFreshNode('excel').magic.slice(0, 2)).toBe('PK');
    expect(renderInFreshNode('pdf').magic).toBe('%PDF-');
  });

  it('also runs as one file, as NodejsFunction builds it today (dynamic imports inlined)', () => {
    expect(renderInFreshNode('pdf', built.singleFile).magic).toBe('%PDF-');
  });
});
