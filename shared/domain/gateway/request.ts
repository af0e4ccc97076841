/**
 * A create request of the gateway (seed 002) normalized: amounts into minor units of the request's
 * currency (more decimals than the currency has, zero or over the maximum: 400), dates into ISO UTC
 * instants, at most one gateway name per payment (the search indexes hold one). Pure.
 */
import { MAX_AMOUNT_MINOR, parseMajor, type Currency } from '../money.js';
import { Invalid, issue } from '../../ledger/errors.js';
import { parseBodyDate } from './dates.js';
import type { GatewayRequest, GatewayPaymentMethod, GatewayDetail, GatewayType, GatewayPayer } from './payment.js';

/** The largest amount one detail or payment method (and their total) may carry, in minor units (documented). */
export { MAX_AMOUNT_MINOR };

type Amount = number | string;

export interface RawGatewayRequest {
  collector_id: string;
  external_transaction_id: string;
  currency_id: Currency;
  details: (Omit<GatewayDetail, 'amount'> & { amount: Amount })[];
  payer?: GatewayPayer | undefined;
  type?: GatewayType | undefined;
  due_date?: string | undefined;
  last_due_date?: string | undefined;
  owner?: { type: string; id: string } | undefined;
  payment_methods?: (Omit<GatewayPaymentMethod, 'amount'> & { amount?: Amount | undefined })[] | undefined;
  parent_payment_id?: string | number | undefined;
  metadata?: Record<string, string> | undefined;
}

const invalid = (field: string, message: string) => new Invalid(`Invalid body: ${field}: ${message}`, issue(field, message));

function minor(value: Amount, currency: Currency, field: string): number {
  const parsed = parseMajor(value, currency);
  if (!parsed.ok && parsed.reason === 'too_many_decimals') throw invalid(field, `Must have at most the decimals of ${currency}`);
  if (!parsed.ok && parsed.reason === 'too_large') throw invalid(field, `Must be at most ${MAX_AMOUNT_MINOR} minor units`);
  if (!parsed.ok) throw invalid(field, 'Must be a valid amount');
  if (parsed.minor <= 0) throw invalid(field, 'Must be greater than 0');
  return parsed.minor;
}

function instant(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const parsed = parseBodyDate(value);
  if (!parsed) throw invalid(field, "Must be a date yyyy-MM-dd'T'HH:mm:ssZ or ISO 8601 with an offset");
  return parsed;
}

const compact = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export function normalizeRequest(raw: RawGatewayRequest): GatewayRequest {
  const currency = raw.currency_id;
  const names = new Set((raw.payment_methods ?? []).flatMap((m) => (m.gateway ? [m.gateway.name] : [])));
  if (names.size > 1) throw invalid('payment_methods', 'All payment methods of a payment must name the same gateway');
  const details = raw.details.map((d, i) => compact({ ...d, amount: minor(d.amount, currency, `details.${i}.amount`) }));
  // final_amount is their sum: bounded like any amount (each part is, so the running sum stays exact).
  let total = 0;
  for (const d of details) if ((total += d.amount) > MAX_AMOUNT_MINOR) throw invalid('details', `Must add up to at most ${MAX_AMOUNT_MINOR} minor units`);
  const methods = raw.payment_methods?.map((m, i) =>
    compact({ ...m, amount: m.amount === undefined ? undefined : minor(m.amount, currency, `payment_methods.${i}.amount`) }),
  );
  return compact({
    ...raw,
    details,
    payer: raw.payer ? compact(raw.payer) : undefined,
    payment_methods: methods,
    parent_payment_id: raw.parent_payment_id === undefined ? undefined : String(raw.parent_payment_id),
    due_date: instant(raw.due_date, 'due_date'),
    last_due_date: instant(raw.last_due_date, 'last_due_date'),
  }) as GatewayRequest;
}
