/**
 * `npm run --silent token -- --role ROLE [--tenant T] [--party ID] [--sub S] [--ttl SECONDS] [--id-token]`
 * prints only a bearer token signed by the running local issuer (found from PORT or .caja/local.json).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ROLES } from '../shared/auth/roles.js';
import { ISSUER_PATH } from '../lib/local/issuer.js';

/** Written by lib/local/stack.ts while `npm start` runs (kept import-light: no SDK for a token). */
const STATE_FILE = fileURLToPath(new URL('../.caja/local.json', import.meta.url));

const USAGE = `Usage: npm run --silent token -- --role ROLE [--tenant T] [--party ID] [--sub S] [--ttl SECONDS]
  Roles: ${ROLES.join(', ')}. Tenant defaults to the demo tenant.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function issuerUrl(): string {
  const port = process.env.PORT;
  if (port) {
    if (!/^\d+$/.test(port)) fail(`PORT must be a port number, got "${port}"`);
    return `http://localhost:${port}${ISSUER_PATH}`;
  }
  let state: { issuerUrl?: unknown; pid?: unknown };
  try {
    state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as typeof state;
  } catch {
    fail('Caja is not running: start it with npm start');
  }
  if (typeof state.issuerUrl !== 'string') fail(`${STATE_FILE} is damaged: restart Caja with npm start`);
  return state.issuerUrl;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: 'string' },
        tenant: { type: 'string' },
        party: { type: 'string' },
        sub: { type: 'string' },
        ttl: { type: 'string' },
        'id-token': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    return;
  }
  const role = values.role?.toUpperCase();
  if (!role) fail(`--role is required\n${USAGE}`);
  if (!(ROLES as readonly string[]).includes(role)) fail(`unknown role ${values.role}; roles: ${ROLES.join(', ')}`);
  let ttl: number | undefined;
  if (values.ttl !== undefined) {
    ttl = Number(values.ttl);
    if (!Number.isInteger(ttl)) fail(`--ttl must be a whole number of seconds, got "${values.ttl}"`);
  }

  const url = `${issuerUrl()}/token`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        role,
        ...(values.tenant ? { tenant: values.tenant } : {}),
        ...(values.party ? { party: values.party } : {}),
        ...(values.sub ? { sub: values.sub } : {}),
        ...(ttl !== undefined ? { ttl } : {}),
        ...(values['id-token'] ? { tokenUse: 'id' } : {}),
      }),
      signal: AbortSignal.timeout(5000),
    });
  } catch {
    fail(`Caja is not running at ${new URL(url).origin}: start it with npm start`);
  }
  const text = await response.text();
  let body: { token?: unknown; error_description?: unknown } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // reported below
  }
  if (!response.ok || typeof body.token !== 'string') {
    fail(`the local issuer answered ${response.status}: ${typeof body.error_description === 'string' ? body.error_description : text}`);
  }
  process.stdout.write(`${body.token}\n`);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
