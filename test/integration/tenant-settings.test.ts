/** GET|PUT /ledger/settings against DynamoDB Local: profile changes, the currency lock, scheduled time zones, the audit trail. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as getSettings from '../../functions/ledger/get-settings.js';
import * as listAudit from '../../functions/ledger/list-audit.js';
import * as updateSettings from '../../functions/ledger/update-settings.js';
import * as createGatewayPayment from '../../functions/gateway/create-payment.js';
import * as createPayment from '../../functions/workorders/create-payment.js';
import { localDateTime } from '../../shared/domain/dates.js';
import { updateTenantSettings } from '../../shared/ledger/settings/tenant-settings.js';
import { findTenantSettings, readTenantSettings, SETTINGS_CACHE_MS } from '../../shared/store/tenants.js';
import { DEFAULT_TEST_TENANT, invoke, newTenant, token } from '../support/index.js';
import { pagoRequest } from '../support/gateway-fixtures.js';
import { pagoBody, workOrderTenant } from '../support/ledger-fixtures.js';

const put = (t: string, body: unknown) => invoke(updateSettings, { method: 'PUT', path: '/ledger/settings', token: t, body });
const get = (t: string) => invoke(getSettings, { path: '/ledger/settings', token: t });

describe('GET and PUT /ledger/settings', () => {
  let tenant: string;
  let admin: string;

  beforeAll(async () => {
    tenant = newTenant();
    admin = await token({ role: 'ADMIN', tenant });
  });

  it('reads the settings the tenant was created with', async () => {
    const res = await get(admin);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ id: tenant, ...DEFAULT_TEST_TENANT, currencyLocked: false, version: 1 });
    expect(res.body.nextTimeZone).toBeUndefined();
  });

  it('changes name, country and tax id at once, removes the tax id with null, and audits each change', async () => {
    const changed = await put(admin, { name: 'Comercial Andina SAC', country: 'PE', taxId: '20512345678' });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Comercial Andina SAC', country: 'PE', taxId: '20512345678', version: 2 });
    expect((await get(admin)).body).toMatchObject({ name: 'Comercial Andina SAC', taxId: '20512345678' });
    const removed = await put(admin, { taxId: null });
    expect(removed.body.taxId).toBeUndefined();
    const audit = await invoke(listAudit, { path: '/ledger/audit?entityId=tenant-settings', token: admin });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['TENANT_SETTINGS_UPDATED', 'TENANT_SETTINGS_UPDATED', 'TENANT_CREATED']);
    expect(audit.body.items[1]).toMatchObject({ before: { name: DEFAULT_TEST_TENANT.name }, after: { name: 'Comercial Andina SAC' } });
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const before = await readTenantSettings(tenant, true);
    for (const [body, field] of [
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ timeZone: 'UTC+5' }, 'timeZone'],
      [{ country: 'XX' }, 'country'],
      [{ country: 'pe' }, 'country'],
      [{ currency: 'EUR' }, 'currency'],
      [{ name: '' }, 'name'],
      [{ id: 'other-tenant' }, 'id'],
    ] as const) {
      const res = await put(admin, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await put(admin, {})).status).toBe(400);
    expect(await readTenantSettings(tenant, true)).toEqual(before);
  });

  it('is ADMIN only: 403 for every other role, before validation', async () => {
    const employee = await token({ role: 'EMPLOYEE', tenant });
    expect((await get(employee)).status).toBe(403);
    expect((await put(employee, { name: 'x', junk: 1 })).status).toBe(403);
  });
});

describe('the currency', () => {
  it('can change until money is recorded, then a change is a 409 and nothing is written', async () => {
    const tenant = newTenant();
    const refs = await workOrderTenant(tenant);
    const admin = await token({ role: 'ADMIN', tenant });
    expect((await put(admin, { currency: 'USD' })).body.currency).toBe('USD');
    expect((await put(admin, { currency: 'PEN' })).body).toMatchObject({ currency: 'PEN', currencyLocked: false });

    const paid = await invoke(createPayment, { method: 'POST', path: '/api/pagos', token: admin, body: pagoBody(refs) });
    expect(paid.status, paid.text).toBe(201);
    expect((await readTenantSettings(tenant, true))?.moneySince).toEqual(expect.any(String));
    expect((await get(admin)).body.currencyLocked).toBe(true);

    const refused = await put(admin, { currency: 'USD', name: 'Renamed' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CONFLICT');
    expect((await readTenantSettings(tenant, true))).toMatchObject({ currency: 'PEN', name: DEFAULT_TEST_TENANT.name });
    // The same currency is no change: the rest applies.
    expect((await put(admin, { currency: 'PEN', name: 'Renamed' })).status).toBe(200);
  });

  it('is also fixed by a gateway payment, and later payments carry no mark', async () => {
    const tenant = newTenant();
    const admin = await token({ role: 'ADMIN', tenant });
    const first = await invoke(createGatewayPayment, { method: 'POST', path: '/pagos', token: admin, body: pagoRequest() });
    expect(first.status, first.text).toBe(201);
    const marked = await readTenantSettings(tenant, true);
    expect(marked?.moneySince).toEqual(expect.any(String));
    await invoke(createGatewayPayment, { method: 'POST', path: '/pagos', token: admin, body: pagoRequest() });
    expect((await readTenantSettings(tenant, true))?.version).toBe(marked?.version);
    expect((await put(admin, { currency: 'USD' })).status).toBe(409);
  });
});

describe('a time-zone change', () => {
  it('applies from the tenant\'s next day, is audited with that day, and is then in force', async () => {
    const tenant = newTenant();
    const admin = await token({ role: 'ADMIN', tenant });
    const res = await put(admin, { timeZone: 'America/Lima' });
    expect(res.status, res.text).toBe(200);
    const today = localDateTime(new Date(), DEFAULT_TEST_TENANT.timeZone).date;
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(res.body).toMatchObject({ timeZone: DEFAULT_TEST_TENANT.timeZone, nextTimeZone: { timeZone: 'America/Lima', from: tomorrow } });
    const audit = await invoke(listAudit, { path: '/ledger/audit?entityId=tenant-settings&limit=1', token: admin });
    expect(audit.body.items[0].details).toEqual({ timeZone: { from: DEFAULT_TEST_TENANT.timeZone, to: 'America/Lima', appliesFrom: tomorrow } });

    // Two days later both zones have reached that day: Lima is in force for every reader.
    const later = new Date(Date.now() + 2 * 86_400_000);
    expect((await findTenantSettings(tenant, later))?.timeZone).toBe('America/Lima');
    expect((await findTenantSettings(tenant))?.timeZone).toBe(DEFAULT_TEST_TENANT.timeZone);
    // A change asked for then starts from the zone in force: back to Costa Rica, from Lima's next day.
    const back = await updateTenantSettings({ tenant, sub: 'test' }, { timeZone: DEFAULT_TEST_TENANT.timeZone }, later);
    expect(back).toMatchObject({ timeZone: 'America/Lima', nextTimeZone: { timeZone: DEFAULT_TEST_TENANT.timeZone } });
  });

  it('asked back to the zone in force before its day, is simply dropped', async () => {
    const tenant = newTenant();
    const admin = await token({ role: 'ADMIN', tenant });
    await put(admin, { timeZone: 'Asia/Tokyo' });
    const res = await put(admin, { timeZone: DEFAULT_TEST_TENANT.timeZone });
    expect(res.body.nextTimeZone).toBeUndefined();
    expect(res.body.timeZone).toBe(DEFAULT_TEST_TENANT.timeZone);
  });
});

describe('the settings cache', () => {
  it('serves a warm function for SETTINGS_CACHE_MS, and the function that made a change sees it at once', async () => {
    expect(SETTINGS_CACHE_MS).toBeLessThanOrEqual(60_000);
    const tenant = newTenant();
    const admin = await token({ role: 'ADMIN', tenant });
    await get(admin);
    await put(admin, { name: 'Seen at once' });
    expect((await findTenantSettings(tenant))?.name).toBe('Seen at once');
  });
});
