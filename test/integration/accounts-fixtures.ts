/**
 * Shared set-up for the accounts tests: a fresh tenant with two banca networks, tokens per role,
 * and one call helper per endpoint (through the handler modules, as Lambda would run them).
 *
 *   B1 ─┬─ V1 ── S1            B2 ── V3 ── S3
 *       └─ V2 ── S2
 */
import { expect } from 'vitest';
import * as createPaymentFn from '../../functions/accounts/create-payment.js';
import * as getStatementFn from '../../functions/accounts/get-statement.js';
import * as listPaymentsFn from '../../functions/accounts/list-payments.js';
import * as reversePaymentFn from '../../functions/accounts/reverse-payment.js';
import * as setActivityFn from '../../functions/accounts/set-activity.js';
import type { Role } from '../../functions/routes.js';
import { localDateTime } from '../../shared/domain/dates.js';
import type { Currency } from '../../shared/domain/money.js';
import type { Party } from '../../shared/domain/parties.js';
import { newId } from '../../shared/ids.js';
import { parties } from '../../shared/store/parties.js';
import { saveTenant } from '../support/tenants.js';
import { invoke, type InvokeResult, newTenant, token } from '../support/index.js';

export const TIME_ZONE = 'America/Costa_Rica';

export interface Network {
  tenant: string;
  B1: string;
  V1: string;
  V2: string;
  S1: string;
  S2: string;
  B2: string;
  V3: string;
  S3: string;
  tokens: { admin: string; banca: string; ventana: string; vendedor: string; banca2: string; ventana2: string };
}

async function party(tenant: string, kind: Party['kind'], name: string, parentId?: string): Promise<string> {
  const now = new Date().toISOString();
  const id = newId();
  await parties.insert(
    { tenant, sub: 'fixture' },
    { id, kind, name, ...(parentId ? { parentId } : {}), active: true, createdAt: now, updatedAt: now, version: 1 },
  );
  return id;
}

/** A new tenant (CRC, Costa Rica unless said otherwise) with both networks and a token per role. */
export async function network(settings: { currency?: Currency; timeZone?: string } = {}): Promise<Network> {
  const tenant = newTenant();
  await saveTenant(tenant, { timeZone: settings.timeZone ?? TIME_ZONE, currency: settings.currency ?? 'CRC' });
  const B1 = await party(tenant, 'banca', 'Banca Central');
  const B2 = await party(tenant, 'banca', 'Banca Occidente');
  const [V1, V2, V3] = await Promise.all([
    party(tenant, 'ventana', 'Ventana Norte', B1),
    party(tenant, 'ventana', 'Ventana Sur', B1),
    party(tenant, 'ventana', 'Ventana Oeste', B2),
  ]);
  const [S1, S2, S3] = await Promise.all([
    party(tenant, 'vendedor', 'Carlos Mora', V1),
    party(tenant, 'vendedor', 'Ana Solís', V2),
    party(tenant, 'vendedor', 'Luis Rojas', V3),
  ]);
  const t = (role: Role, party?: string, sub = `${role.toLowerCase()}-user`) =>
    token({ role, tenant, sub, ...(party ? { party } : {}) });
  const [admin, banca, ventana, vendedor, banca2, ventana2] = await Promise.all([
    t('ADMIN'),
    t('BANCA', B1),
    t('VENTANA', V1),
    t('VENDEDOR', S1),
    t('BANCA', B2, 'banca2-user'),
    t('VENTANA', V2, 'ventana2-user'),
  ]);
  return { tenant, B1, V1, V2, S1, S2, B2, V3, S3, tokens: { admin, banca, ventana, vendedor, banca2, ventana2 } };
}

/** Today and a later/earlier day in the tenant's time zone. */
export function today(timeZone = TIME_ZONE): string {
  return localDateTime(new Date(), timeZone).date;
}
export function dayOffset(days: number, timeZone = TIME_ZONE): string {
  return localDateTime(new Date(Date.now() + days * 86_400_000), timeZone).date;
}

let keyCounter = 0;
export const uniqueKey = (prefix = 'key') => `${prefix}-${Date.now()}-${++keyCounter}-${Math.random().toString(36).slice(2, 8)}`;

export function pay(tokenValue: string, body: Record<string, unknown>, headers?: Record<string, string>): Promise<InvokeResult> {
  return invoke(createPaymentFn, {
    method: 'POST',
    path: '/api/v1/accounts/payment',
    token: tokenValue,
    body,
    ...(headers ? { headers } : {}),
  });
}

export function reverse(tokenValue: string, body: Record<string, unknown>): Promise<InvokeResult> {
  return invoke(reversePaymentFn, { method: 'POST', path: '/api/v1/accounts/reverse-payment', token: tokenValue, body });
}

export function activity(tokenValue: string, body: Record<string, unknown>): Promise<InvokeResult> {
  return invoke(setActivityFn, { method: 'POST', path: '/api/v1/accounts/activity', token: tokenValue, body });
}

const qs = (query: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(query).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, String(v)]]))).toString();

export function statement(tokenValue: string, query: Record<string, string | number | undefined>): Promise<InvokeResult> {
  return invoke(getStatementFn, { path: `/api/v1/accounts/statement?${qs(query)}`, token: tokenValue });
}

export function history(tokenValue: string, query: Record<string, string | number | undefined>): Promise<InvokeResult> {
  return invoke(listPaymentsFn, { path: `/api/v1/accounts/payments?${qs(query)}`, token: tokenValue });
}

/** A valid payment body for an entity (past date), with overrides. */
export function paymentBody(dimension: Record<string, string | undefined>, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { date: '2024-03-15', time: '10:00', ...dimension, amount: 1000, type: 'payment', method: 'cash', ...overrides };
}

/** Asserts a 201 and returns the data. */
export async function created(response: Promise<InvokeResult>): Promise<{ payment: any; statement: any }> {
  const res = await response;
  expect(res.status, res.text).toBe(201);
  return res.body.data;
}

/** The accounts error envelope with a code. */
export function expectError(res: InvokeResult, status: number, code: string): void {
  expect(res.status, res.text).toBe(status);
  expect(res.body).toEqual({
    success: false,
    message: expect.any(String),
    meta: expect.objectContaining({ code, requestId: expect.any(String) }),
  });
}

export { newTenant };
