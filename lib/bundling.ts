/**
 * How every Lambda bundle is built, in one place: the CDK functions use it, and `npm run bench`
 * builds the same bundles with esbuild to measure them (SPEC §6).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ESM needs a `require` for the CommonJS dependencies esbuild inlines. */
export const ESM_REQUIRE_SHIM = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * @middy/core imports `node:stream/web` at module scope for one `instanceof` in response streaming,
 * which no route uses. Loading it also loads five Node modules no request needs (transform streams,
 * text and compression streams, adapters): ≈30 M instructions, ≈6 ms of every cold start. Bundles
 * resolve it to a stand-in that reaches the real class on first use. Path from the project root,
 * which is where NodejsFunction runs esbuild.
 */
export const STREAM_WEB_STAND_IN = 'lib/stream-web-stand-in.ts';
const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const LAMBDA_BUNDLING = {
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_SHIM,
  // Bundle everything, the AWS SDK v3 included (SPEC §6 measures bundles that way), except what the
  // SDK's default credential chain imports lazily for credential sources that do not exist on
  // Lambda: shared config/credentials files, SSO, CLI login, credential_process and web-identity
  // token files, and the STS/SSO clients behind them. A function gets its credentials from its
  // environment (the first link of the chain) and never reaches these; the nodejs22.x runtime
  // ships them anyway. That keeps ~110 KB of dead code out of every bundle.
  externalModules: [
    '@aws-sdk/nested-clients',
    '@aws-sdk/nested-clients/*',
    '@aws-sdk/credential-provider-ini',
    '@aws-sdk/credential-provider-sso',
    '@aws-sdk/credential-provider-login',
    '@aws-sdk/credential-provider-process',
    '@aws-sdk/credential-provider-web-identity',
    '@aws-sdk/token-providers',
  ] as string[],
  esbuildArgs: { '--alias': [`node:stream/web=./${STREAM_WEB_STAND_IN}`] },
} as const;

/** The same build as esbuild options (NodejsFunction runs esbuild with these). */
export function esbuildOptions(entry: string, outfile: string) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node' as const,
    format: 'esm' as const,
    minify: LAMBDA_BUNDLING.minify,
    sourcemap: LAMBDA_BUNDLING.sourceMap,
    sourcesContent: LAMBDA_BUNDLING.sourcesContent,
    target: LAMBDA_BUNDLING.target,
    mainFields: [...LAMBDA_BUNDLING.mainFields],
    banner: { js: LAMBDA_BUNDLING.banner },
    external: [...LAMBDA_BUNDLING.externalModules],
    alias: { 'node:stream/web': join(PROJECT_ROOT, STREAM_WEB_STAND_IN) },
    metafile: true,
  };
}

/**
 * The same build split into chunks (esbuild `splitting`, ESM only): `index.mjs` holds the handler
 * and what every request needs; what it imports with `await import()` lands in chunks/ that Node
 * reads only when asked for. For a route that names `codeSplitting` (the export: its XLSX and PDF
 * libraries load per format, a CSV export never reads them); NodejsFunction builds one file only.
 */
export function splitEsbuildOptions(entry: string, outdir: string) {
  const { outfile: _outfile, entryPoints: _entry, ...options } = esbuildOptions(entry, join(outdir, 'index.mjs'));
  return {
    ...options,
    entryPoints: { index: entry },
    outdir,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
  };
}
