/**
 * The files `npm run openapi` writes, and what they must contain: the API document, and the Redoc
 * page script wrapped in JSON (a JSON import works the same under esbuild, tsx and vitest, so the
 * docs function carries the script in its bundle with no loader configuration).
 * test/unit/openapi-document.test.ts fails when the committed files are out of date.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { routes } from '../../functions/routes.js';
import { openApiDocument } from './document.js';

const SYSTEM_DIR = join(import.meta.dirname, '..', '..', 'functions', 'system');
export const OPENAPI_FILE = join(SYSTEM_DIR, 'openapi.json');
export const REDOC_FILE = join(SYSTEM_DIR, 'redoc.json');

const require = createRequire(import.meta.url);

/**
 * Redoc's side menu footer loads its logo from cdn.redoc.ly; the page requests nothing outside its
 * own origin, so the script gets an empty inline image there instead (the footer keeps its text link).
 */
const OUTSIDE_LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
const BLANK_IMAGE = 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E';

function redocScript(): string {
  const script = readFileSync(require.resolve('redoc/bundles/redoc.standalone.js'), 'utf8');
  if (!script.includes(OUTSIDE_LOGO)) throw new Error(`redoc no longer loads ${OUTSIDE_LOGO}: review lib/openapi/generated.ts`);
  return script.replaceAll(OUTSIDE_LOGO, BLANK_IMAGE);
}

export async function generatedFiles(): Promise<Record<string, string>> {
  const redoc = {
    version: (require('redoc/package.json') as { version: string }).version,
    script: redocScript(),
  };
  return {
    [OPENAPI_FILE]: `${JSON.stringify(await openApiDocument(routes), null, 2)}\n`,
    [REDOC_FILE]: `${JSON.stringify(redoc)}\n`,
  };
}
