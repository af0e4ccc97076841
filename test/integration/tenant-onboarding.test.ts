/** `npm run tenant -- create` against the test stack: settings and first ADMIN, then a token of that tenant is served. */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { onboardTenant, type TenantRequest } from '../../lib/onboarding/onboard.js';
import { localTarget } from '../../lib/onboarding/targets.js';
import { api, stack, token } from '../support/index.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');

const target = () => {
  const { baseUrl, issuerUrl, clientId, dynamodbEndpoint, tableName } = stack();
  return localTarget({ baseUrl, issuerUrl, clientId, dynamodbEndpoint, tableName, pid: process.pid });
};

const request = (): TenantRequest => {
  const id = `acme-${randomUUID().slice(0, 8)}`;
  return { id, name: 'Acme Perú SAC', currency: 'PEN', timeZone: 'America/Lima', country: 'PE', adminEmail: `admin@${id}.example` };
};

describe('tenant create, locally', () => {
  it('creates the settings and the first ADMIN; that admin\'s token is then served the tenant\'s settings', async () => {
    const wanted = request();
    const stranger = await token({ role: 'ADMIN', tenant: wanted.id });
    expect((await api('GET', '/ledger/settings', { token: stranger })).status).toBe(401);

    const done = await onboardTenant(wanted, target());
    expect(done).toMatchObject({ created: true, admin: { email: wanted.adminEmail, existed: false } });
    expect(done.admin.temporaryPassword).toBeUndefined();

    const users = (await (await fetch(`${stack().issuerUrl}/users`)).json()) as { users: { sub: string; email: string; role: string; tenant: string }[] };
    expect(users.users).toContainEqual({ sub: done.admin.sub, email: wanted.adminEmail, role: 'ADMIN', tenant: wanted.id });

    const admin = await token({ role: 'ADMIN', tenant: wanted.id });
    const settings = await api('GET', '/ledger/settings', { token: admin });
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({ id: wanted.id, name: 'Acme Perú SAC', currency: 'PEN', timeZone: 'America/Lima', country: 'PE', version: 1 });
    // The token that was refused before the tenant existed is served now (tenants are not cached while unknown).
    expect((await api('GET', '/ledger/parties', { token: stranger })).status).toBe(200);
  });

  it('re-run with the same settings finds both; with other settings it is refused', async () => {
    const wanted = request();
    await onboardTenant(wanted, target());
    expect(await onboardTenant(wanted, target())).toMatchObject({ created: false, admin: { existed: true } });
    await expect(onboardTenant({ ...wanted, currency: 'USD' }, target())).rejects.toThrow(/already exists with other settings \(currency\)/);
  });

  it('the command validates every flag before touching anything, and fails with exit code 1', async () => {
    const failed = await run(resolve(ROOT, 'node_modules/.bin/tsx'), ['bin/tenant.ts', 'create', '--id', 'Bad_Id', '--currency', 'EUR', '--time-zone', 'Mars/Olympus', '--country', 'XX', '--admin-email', 'nope'], {
      cwd: ROOT,
    }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect('code' in failed && failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    for (const flag of ['--id', '--name: required', '--currency', '--time-zone', '--country', '--admin-email']) expect(failed.stderr).toContain(flag);
  });
});
