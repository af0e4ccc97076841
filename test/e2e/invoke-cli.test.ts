/** `npm run invoke` (bin/invoke.ts) against the test stack: a request built from METHOD PATH, and a saved sample event. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { newTenant, stack, token } from '../support/index.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const tsx = resolve(ROOT, 'node_modules/.bin/tsx');

describe('bin/invoke.ts', () => {
  const tenant = newTenant();
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    await token({ role: 'ADMIN', tenant }); // creates the tenant
    const { baseUrl, issuerUrl, clientId, dynamodbEndpoint, tableName } = stack();
    const file = join(mkdtempSync(join(tmpdir(), 'caja-state-')), 'local.json');
    writeFileSync(file, JSON.stringify({ baseUrl, issuerUrl, clientId, dynamodbEndpoint, tableName, pid: process.pid }));
    env = { ...process.env, CAJA_STATE_FILE: file };
  });

  it('runs the route of METHOD PATH once, with a body from a file, and prints status, route and body', async () => {
    const body = join(mkdtempSync(join(tmpdir(), 'caja-body-')), 'settings.json');
    writeFileSync(body, JSON.stringify({ name: 'Renamed by invoke' }));
    const { stdout } = await run(tsx, ['bin/invoke.ts', 'PUT', '/ledger/settings', '--tenant', tenant, '--body', body], { cwd: ROOT, env });
    expect(stdout.split('\n')[0]).toBe('200 PUT /ledger/settings (functions/ledger/update-settings.ts)');
    expect(JSON.parse(stdout.slice(stdout.indexOf('\n') + 1))).toMatchObject({ id: tenant, name: 'Renamed by invoke', version: 2 });
  });

  it('runs a saved sample event with a fresh token for its user', async () => {
    const { stdout } = await run(tsx, ['bin/invoke.ts', '--event', 'test/events/ledger-get-settings.json', '--tenant', tenant], { cwd: ROOT, env });
    expect(stdout.split('\n')[0]).toBe('200 GET /ledger/settings (functions/ledger/get-settings.ts)');
    expect(JSON.parse(stdout.slice(stdout.indexOf('\n') + 1))).toMatchObject({ id: tenant });
  });
});
