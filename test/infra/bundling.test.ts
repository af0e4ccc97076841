/**
 * Bundles one real handler through the same construct every endpoint uses (CajaFunction), synthesized
 * ONCE, and checks the bundle is what SPEC §1/§6 expect: ESM for nodejs22.x with the createRequire shim
 * for CommonJS dependencies, the AWS SDK inlined (no external imports), and an external source map.
 */
import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { builtinModules } from 'node:module';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESM_REQUIRE_SHIM, LAMBDA_BUNDLING, STREAM_WEB_STAND_IN } from '../../lib/bundling.js';
import { CajaFunction } from '../../lib/constructs/caja-function.js';
import { exportRoute } from '../../functions/accounts/routes.js';

/** Any endpoint that reads the table, so the AWS SDK is part of its bundle. */
const HANDLER = 'ledger/get-party';
/** The one route deployed split into chunks (its `codeSplitting`): the formats' libraries load on demand. */
const SPLIT_ROUTE = exportRoute;

let outdir: string;
let bundleDir: string;
let template: Template;
let fnLogicalId: string;
let splitDir: string;
let splitFn: { Properties: { Handler: string } };

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'caja-bundle-'));
  const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
  const stack = new Stack(app, 'Bundle');
  const built = new CajaFunction(stack, 'Endpoint', { handler: HANDLER });
  const split = new CajaFunction(stack, 'Split', { handler: SPLIT_ROUTE.handler, codeSplitting: SPLIT_ROUTE.codeSplitting });
  template = Template.fromStack(stack);
  const resources = template.toJSON().Resources as Record<string, { Metadata: Record<string, string>; Properties: { Handler: string } }>;
  fnLogicalId = stack.getLogicalId(built.fn.node.defaultChild as CfnElement);
  bundleDir = join(outdir, resources[fnLogicalId]!.Metadata['aws:asset:path']!);
  splitFn = resources[stack.getLogicalId(split.fn.node.defaultChild as CfnElement)]!;
  splitDir = join(outdir, (splitFn as unknown as { Metadata: Record<string, string> }).Metadata['aws:asset:path']!);
}, 60_000);

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

/** Module specifiers the bundle still loads at run time: static/dynamic imports and `require` calls. */
function loadedModules(code: string): { imports: string[]; requires: string[] } {
  const imports = [...code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1]!);
  const requires = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
  return { imports: [...new Set(imports)].sort(), requires: [...new Set(requires)].sort() };
}

const isBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier);
/** Optional peers the SDK loads only on demand for SigV4a/CRT signing, which DynamoDB never uses; not installed. */
const OPTIONAL_SDK_PEERS = ['@aws-sdk/signature-v4-crt', '@aws-sdk/signature-v4a'];
/** Left external on purpose (lib/bundling.ts): lazily loaded credential-provider clients. */
const isDeclaredExternal = (specifier: string) =>
  LAMBDA_BUNDLING.externalModules.some((pattern) => (pattern.endsWith('/*') ? specifier.startsWith(pattern.slice(0, -1)) : specifier === pattern));
const unexpected = (specifier: string) => !isBuiltin(specifier) && !OPTIONAL_SDK_PEERS.includes(specifier) && !isDeclaredExternal(specifier);

describe(`bundle of functions/${HANDLER}.ts`, () => {
  it('is an ESM module that starts with the createRequire shim and exports handler', () => {
    const code = readFileSync(join(bundleDir, 'index.mjs'), 'utf8');
    expect(code.startsWith(ESM_REQUIRE_SHIM)).toBe(true);
    expect(/export\s*\{[^}]*\bas handler\s*\}|export\s*\{\s*handler\s*\}/.test(code)).toBe(true);
  });

  it('inlines every dependency, the AWS SDK included: only Node built-ins (and the declared lazy externals) are loaded at run time', () => {
    const code = readFileSync(join(bundleDir, 'index.mjs'), 'utf8');
    const { imports, requires } = loadedModules(code);
    expect(imports.filter(unexpected)).toEqual([]);
    expect(requires.filter(unexpected)).toEqual([]);
    expect(existsSync(join(bundleDir, 'node_modules'))).toBe(false);
    expect(code.includes('DynamoDB')).toBe(true); // the SDK client is in the bundle itself
  });

  it("loads no node:stream/web at init: middy's import of it resolves to the stand-in (lib/bundling.ts)", () => {
    const code = readFileSync(join(bundleDir, 'index.mjs'), 'utf8');
    expect(loadedModules(code).imports).not.toContain('node:stream/web');
    const map = JSON.parse(readFileSync(join(bundleDir, 'index.mjs.map'), 'utf8')) as { sources: string[] };
    expect(map.sources.some((source) => source.endsWith(STREAM_WEB_STAND_IN))).toBe(true);
    // What Node itself loaded while importing the bundle, in a fresh process.
    const loaded = execFileSync(process.execPath, ['--input-type=module', '-e',
      `const before = new Set(process.moduleLoadList); await import(${JSON.stringify(join(bundleDir, 'index.mjs'))});` +
      ' console.log(JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m))))'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const modules = JSON.parse(loaded) as string[];
    expect(modules).toContain('NativeModule http'); // the SDK's request handler: the import did run
    expect(modules.filter((m) => /stream\/web|webstreams\/(transformstream|compression)/.test(m))).toEqual([]);
  });

  it('ships an external source map without sources content', () => {
    const map = JSON.parse(readFileSync(join(bundleDir, 'index.mjs.map'), 'utf8')) as { sourcesContent?: unknown };
    expect(map.sourcesContent).toBeUndefined();
    const fn = template.toJSON().Resources[fnLogicalId];
    expect(fn.Properties.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps');
  });
});

describe(`bundle of functions/${SPLIT_ROUTE.handler}.ts (codeSplitting)`, () => {
  const chunks = () => readdirSync(join(splitDir, 'chunks')).filter((f) => f.endsWith('.mjs'));
  /** The chunk files a module imports statically (read with it) and dynamically (read on demand). */
  const importsOf = (file: string) => {
    const code = readFileSync(join(splitDir, file), 'utf8');
    const staticImports = [...code.matchAll(/(?:^|[;}])\s*import\s*(?:[^"'();]*?\bfrom\s*)?["']\.\/(?:chunks\/)?([^"']+\.mjs)["']/g)].map((m) => m[1]!);
    const dynamicImports = [...code.matchAll(/\bimport\(\s*["']\.\/(?:chunks\/)?([^"']+\.mjs)["']\s*\)/g)].map((m) => m[1]!);
    return { staticImports, dynamicImports };
  };
  const staticClosure = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const next of importsOf(file === 'index.mjs' ? file : `chunks/${file}`).staticImports) staticClosure(next, seen);
    return seen;
  };

  it('is an index.mjs entry plus chunks, the function handler index.handler', () => {
    expect(splitFn.Properties.Handler).toBe('index.handler');
    expect(readFileSync(join(splitDir, 'index.mjs'), 'utf8').startsWith(ESM_REQUIRE_SHIM)).toBe(true);
    expect(chunks().length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the XLSX and PDF libraries in chunks a cold start (and a CSV export) does not read', () => {
    const loaded = staticClosure('index.mjs');
    // What each file holds, from its source map (sources are kept, their content is not).
    const packagesOf = (files: string[]) =>
      new Set(files.flatMap((f) => (JSON.parse(readFileSync(join(splitDir, `${f === 'index.mjs' ? f : `chunks/${f}`}.map`), 'utf8')) as { sources: string[] }).sources)
        .map((source) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1])
        .filter((name): name is string => name !== undefined));
    const eager = packagesOf([...loaded]);
    const lazy = packagesOf(chunks().filter((f) => !loaded.has(f)));
    for (const library of ['write-excel-file', 'pdf-lib']) {
      expect(eager.has(library), library).toBe(false);
      expect(lazy.has(library), library).toBe(true);
    }
  });
});
