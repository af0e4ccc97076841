/**
 * A brute-force model of `GET /pagos` for tests: filters and sorts evaluated directly on the stored
 * gateway records, written independently of the store's planner and predicates.
 */
import { CURRENCY_DECIMALS } from '../../shared/domain/money.js';
import type { GatewayPayment } from '../../shared/domain/gateway/payment.js';
import { newId } from '../../shared/ids.js';
import { getGatewayPayment } from '../../shared/store/gateway-payments.js';
import { invoke } from './index.js';
import { pagoRequest, type Filter } from './gateway-fixtures.js';
import * as createPayment from '../../functions/gateway/create-payment.js';
import * as updatePayment from '../../functions/gateway/update-payment.js';

type Value = string | number | boolean | undefined;

const DATE_FIELDS = new Set([
  'request_date', 'due_date', 'last_due_date', 'refunded_date', 'process_date', 'paid_date', 'rejected_date',
  'cancel_date', 'objected_date', 'accreditation_date', 'review_validation_date', 'payer_validation_date', 'payer_deferred_date',
]);
const ALIAS: Record<string, string> = { payment_id: 'id', amount: 'final_amount' };

/** The value of a search field on a payment: dates as epoch ms, amounts as a number of major units x 1e6, ids as numbers. */
export function fieldValue(p: GatewayPayment, sent: string): Value {
  const field = ALIAS[sent] ?? sent;
  const g = p.gateway as unknown as Record<string, unknown>;
  if (DATE_FIELDS.has(field)) return g[field] === undefined ? undefined : Date.parse(String(g[field]));
  switch (field) {
    case 'id':
      return Number(p.id);
    case 'parent_payment_id':
      return g.parent_payment_id === undefined ? undefined : Number(g.parent_payment_id);
    case 'final_amount':
      return (p.gateway.final_amount * 1e6) / 10 ** CURRENCY_DECIMALS[p.gateway.currency_id];
    case 'owner.type':
      return p.gateway.owner?.type;
    case 'owner.id':
      return p.gateway.owner?.id;
    case 'payer.email':
      return p.gateway.payer?.email;
    case 'payer.external_reference':
      return p.gateway.payer?.external_reference;
    case 'payment_methods.gateway.name':
      return p.gateway.payment_methods?.find((m) => m.gateway)?.gateway?.name;
    default:
      return g[field] as Value;
  }
}

/** A filter value in the model's terms. */
function parseValue(field: string, raw: string): Value {
  const f = ALIAS[field] ?? field;
  if (DATE_FIELDS.has(f)) {
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})?([+-]\d{2})(\d{2})$/.exec(raw)!;
    return Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7] ?? '000'}${m[8]}:${m[9]}`);
  }
  if (f === 'final_amount') return Math.round(Number(raw) * 1e6);
  if (f === 'id' || f === 'parent_payment_id') return Number(raw);
  if (['validation', 'review', 'batch_withdrawal'].includes(f)) return raw === 'true';
  return raw;
}

const list = (raw: string) => raw.slice(1, -1).split(',').map((v) => v.trim());

export function modelMatches(p: GatewayPayment, [field, op, raw]: Filter): boolean {
  const v = fieldValue(p, field);
  if (op === 'EXISTS') return (v !== undefined) === (raw === 'true');
  if (op === 'IN') return v !== undefined && list(raw).some((x) => parseValue(field, x) === v);
  if (op === 'NOT_IN') return v === undefined || !list(raw).some((x) => parseValue(field, x) === v);
  if (op === 'NOT_EQUAL') return v === undefined || parseValue(field, raw) !== v;
  if (v === undefined) return false;
  const x = parseValue(field, raw)!;
  switch (op) {
    case 'EQUAL': return v === x;
    case 'GREATER_THAN': return v > x;
    case 'GREATER_THAN_OR_EQUAL_TO': return v >= x;
    case 'LESS_THAN': return v < x;
    case 'LESS_THAN_OR_EQUAL_TO': return v <= x;
    case 'CONTAINS': return String(v).includes(String(x));
    case 'CONTAINS_IGNORE_CASE': return String(v).toLowerCase().includes(String(x).toLowerCase());
    case 'STARTS_WITH': return String(v).startsWith(String(x));
    case 'ENDS_WITH': return String(v).endsWith(String(x));
    default: throw new Error(`model: unknown operation ${op}`);
  }
}

/** Matching ids in order (sorts, then id ascending; an absent value is the smallest) and the total. */
export function modelSearch(
  data: readonly GatewayPayment[],
  filters: readonly Filter[],
  sorts: readonly [string, string][] = [['request_date', 'descending']],
  page = 1,
  limit = 10,
): { ids: number[]; total: number } {
  const matching = data.filter((p) => filters.every((f) => modelMatches(p, f)));
  const keys: [string, string][] = [...(sorts.length ? sorts : [['request_date', 'descending'] as [string, string]]), ['id', 'ascending']];
  matching.sort((a, b) => {
    for (const [field, direction] of keys) {
      const x = fieldValue(a, field);
      const y = fieldValue(b, field);
      const order = x === y ? 0 : x === undefined ? -1 : y === undefined ? 1 : x < y ? -1 : 1;
      if (order) return direction === 'ascending' ? order : -order;
    }
    return 0;
  });
  return { ids: matching.slice((page - 1) * limit, page * limit).map((p) => Number(p.id)), total: matching.length };
}

/** A filter date (`yyyyMMdd'T'HHmmssSSS-0300`) for an instant. */
export function filterDate(ms: number, offsetMinutes = -180, millis = true): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  const [date, time] = local.split('T') as [string, string];
  return `${date.replace(/-/g, '')}T${time.slice(0, 8).replace(/:/g, '')}${millis ? time.slice(9, 12) : ''}${zone}`;
}

export const COLLECTORS = ['c1', 'c2', 'c3'];
const TYPES = ['manual', 'online', 'by_media_payment'];
const GATEWAYS = ['niubiz', 'izipay', 'culqi', undefined];
const JOURNEYS: string[][] = [[], ['approved'], ['rejected'], ['approved', 'refunded'], ['in_process'], ['review'], ['cancelled'], ['validate', 'approved']];

/** Creates `count` varied payments (collectors, types, gateways, owners, payers, currencies, statuses) through the handlers. */
export async function seedGatewayData(tenant: string, admin: string, count: number): Promise<GatewayPayment[]> {
  const ids: string[] = [];
  const run = newId();
  for (let i = 0; i < count; i++) {
    const gateway = GATEWAYS[i % 4];
    const clp = i % 8 === 0;
    const body = pagoRequest({
      collector_id: COLLECTORS[i % 3],
      external_transaction_id: `run${run}-${i}`,
      currency_id: clp ? 'CLP' : 'PEN',
      details: clp ? [{ amount: 1000 + ((i * 7919) % 5000) }] : [{ amount: ((i * 1373) % 9000) / 100 + 1 }, { amount: '0.5' }],
      type: TYPES[Math.floor(i / 2) % 3],
      payment_methods: gateway ? [{ type: 'card', gateway: { name: gateway } }] : undefined,
      owner: i % 5 === 0 ? undefined : { type: i % 2 ? 'store' : 'branch', id: `o${i % 3}` },
      payer: i % 6 === 5 ? { name: 'Sin correo' } : { email: `p${i % 4}@Ex.com`, ...(i % 7 ? { external_reference: `REF-${i % 7}` } : {}) },
      due_date: i % 2 ? `2025-0${1 + (i % 9)}-1${i % 10}T10:00:00-0300` : undefined,
      parent_payment_id: i % 9 === 8 ? ids[0] : undefined,
    });
    const created = await invoke(createPayment, { method: 'POST', path: '/pagos', token: admin, body });
    if (created.status !== 201) throw new Error(`seed: ${created.status} ${created.text}`);
    ids.push(String(created.body.id));
    for (const status of JOURNEYS[i % JOURNEYS.length]!) {
      const moved = await invoke(updatePayment, { method: 'PATCH', path: `/pagos/${created.body.id}`, token: admin, body: { status } });
      if (moved.status !== 200) throw new Error(`seed transition: ${moved.status} ${moved.text}`);
    }
  }
  return Promise.all(ids.map(async (id) => (await getGatewayPayment(tenant, id, true))!));
}
