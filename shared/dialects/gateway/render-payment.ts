/**
 * A gateway payment as the gateway answers it (seed 002): snake_case, ids as numbers, amounts in
 * major units with the currency's decimals, dates in the tenant's time zone.
 */
import type { GatewayPayment } from '../../domain/gateway/payment.js';
import { STAMPED_DATES } from '../../domain/gateway/payment.js';
import { toMajorNumber } from '../../domain/money.js';
import { formatGatewayDate } from './dates.js';

export function renderPayment(payment: GatewayPayment, timeZone: string) {
  const g = payment.gateway;
  const money = (minor: number) => toMajorNumber(minor, g.currency_id);
  const date = (iso: string | undefined) => (iso === undefined ? undefined : formatGatewayDate(iso, timeZone));
  const stamped = Object.fromEntries(STAMPED_DATES.flatMap((field) => (g[field] ? [[field, date(g[field])]] : [])));
  return {
    id: Number(payment.id),
    collector_id: g.collector_id,
    external_transaction_id: g.external_transaction_id,
    currency_id: g.currency_id,
    final_amount: money(g.final_amount),
    details: g.details.map((d) => ({ ...d, amount: money(d.amount) })),
    ...(g.payer ? { payer: g.payer } : {}),
    ...(g.type ? { type: g.type } : {}),
    ...(g.due_date ? { due_date: date(g.due_date) } : {}),
    ...(g.last_due_date ? { last_due_date: date(g.last_due_date) } : {}),
    ...(g.owner ? { owner: g.owner } : {}),
    ...(g.payment_methods
      ? { payment_methods: g.payment_methods.map((m) => (m.amount === undefined ? m : { ...m, amount: money(m.amount) })) }
      : {}),
    ...(g.parent_payment_id ? { parent_payment_id: Number(g.parent_payment_id) } : {}),
    ...(g.metadata ? { metadata: g.metadata } : {}),
    status: g.status,
    ...(g.status_detail !== undefined ? { status_detail: g.status_detail } : {}),
    validation: g.validation,
    review: g.review,
    batch_withdrawal: g.batch_withdrawal,
    request_date: date(g.request_date),
    ...stamped,
    last_modified: date(payment.updatedAt),
  };
}
