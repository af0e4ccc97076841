/**
 * getPayments (seed 004) on the query planner: the filters become predicates over the receivables
 * row, the planner picks the access pattern (a document's payments, a client's, or the tenant-wide
 * month buckets of the date the search is by), and the executor answers one page and the total.
 *
 * Dates: `since`/`until` are the tenant's local dates. The payment date is a local date already;
 * creation and reconciliation are instants, so the local days become UTC bounds. An open bound is
 * closed with the tenant's span (every payment's date lies within it), which tells the planner
 * which month buckets exist.
 */
import { startOfLocalDay } from '../../domain/dates.js';
import type { Currency } from '../../domain/money.js';
import type { Payment } from '../../domain/payments.js';
import { RECEIVABLES_DOCUMENT_PAYMENTS, RECEIVABLES_PAYMENTS } from '../../store/access-patterns.js';
import { partyByTaxId } from '../../store/holders.js';
import { allPaymentMethods } from '../../store/payment-methods.js';
import { search, SearchTooBroad } from '../../store/query/execute.js';
import { plan } from '../../store/query/planner.js';
import type { History } from '../../store/query/counts.js';
import type { Predicate, Sort } from '../../store/query/types.js';
import { receivablesSpan } from '../../store/receivables-payments.js';
import { tenantSettings } from '../../store/tenants.js';
import { Invalid, issue } from '../errors.js';
import { partyIdOfRef } from '../parties/resolve-party.js';

export interface PaymentSearch {
  since?: string | undefined;
  until?: string | undefined;
  /** 1 payment date, 2 creation, 3 reconciliation. */
  dateBy: '1' | '2' | '3';
  currency?: Currency | undefined;
  paymentMethodId?: string | undefined;
  documentId?: string | undefined;
  clientId?: string | undefined;
  clientTaxId?: string | undefined;
  /** 1 payment date, 2 creation, 3 amount. */
  orderBy: '1' | '2' | '3';
  order: 'ASC' | 'DESC';
  resultsPerPage: number;
  page: number;
  /** 0 pending reconciliation, 1 reconciled, 2 discarded. */
  status: '0' | '1' | '2';
}

const DATE_FIELD = { '1': 'date', '2': 'created', '3': 'reconciled' } as const;
const SORT_FIELD = { '1': 'date', '2': 'created', '3': 'amount' } as const;

const nextDay = (date: string) => new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The date-range predicates on the field the search is by, both bounds closed (open ones from the
 * span), each at a day start so a counted pattern takes the range's total from its counts alone;
 * and the history (where every payment's dates lie) a counted pattern rebuilds its counts from once.
 */
async function dateRange(tenant: string, q: PaymentSearch, timeZone: string): Promise<{ range: Predicate[]; history: History } | undefined> {
  const field = DATE_FIELD[q.dateBy];
  const span = await receivablesSpan(tenant);
  // Nothing was created or reconciled after now (the next UTC midnight bounds it at a day start).
  const now = new Date(Date.now() + 60_000).toISOString();
  const history: History = {
    ...(span.dateMin && span.dateMax ? { date: { lower: span.dateMin, upper: span.dateMax } } : {}),
    ...(span.createdMin ? { created: { lower: span.createdMin, upper: now } } : {}),
  };
  const bounds = (lower: string, upperExclusive: string) => ({
    range: [
      { field, op: 'GREATER_THAN_OR_EQUAL_TO', value: lower },
      { field, op: 'LESS_THAN', value: upperExclusive },
    ] satisfies Predicate[],
    history,
  });
  if (field === 'date') {
    const lower = q.since ?? span.dateMin;
    const upper = q.until ?? span.dateMax;
    if (!lower || !upper) return undefined;
    return bounds(lower, nextDay(upper));
  }
  if (!q.since && !span.createdMin) return undefined;
  const lower = q.since ? startOfLocalDay(q.since, timeZone).toISOString() : `${span.createdMin!.slice(0, 10)}T00:00:00.000Z`;
  const upper = q.until ? startOfLocalDay(nextDay(q.until), timeZone).toISOString() : `${nextDay(now.slice(0, 10))}T00:00:00.000Z`;
  return bounds(lower, upper);
}

/** The method's name in the tenant's catalogue (payments carry the name), or undefined for an unknown id. */
async function methodName(tenant: string, id: string): Promise<string | undefined> {
  return (await allPaymentMethods(tenant)).find((m) => m.code === id)?.name.toLowerCase();
}

export async function searchReceivablesPayments(tenant: string, q: PaymentSearch): Promise<{ payments: Payment[]; total: number; timeZone: string }> {
  const { timeZone } = await tenantSettings(tenant);
  const none = { payments: [], total: 0, timeZone };
  const predicates: Predicate[] = [{ field: 'status', op: 'EQUAL', value: q.status }];
  if (q.currency) predicates.push({ field: 'currency', op: 'EQUAL', value: q.currency });
  if (q.clientId) predicates.push({ field: 'clientId', op: 'EQUAL', value: await partyIdOfRef(tenant, 'client', q.clientId) });
  if (q.documentId) predicates.push({ field: 'documentId', op: 'EQUAL', value: q.documentId });
  if (q.clientTaxId) {
    // The tax id names one client (a key read on its lookup); the row's clientId then keys the search.
    const client = await partyByTaxId(tenant, 'client', q.clientTaxId);
    if (!client) return none;
    predicates.push({ field: 'clientId', op: 'EQUAL', value: client.id });
  }
  if (q.paymentMethodId) {
    const name = await methodName(tenant, q.paymentMethodId);
    if (!name) return none;
    predicates.push({ field: 'method', op: 'EQUAL', value: name });
  }
  const dates = await dateRange(tenant, q, timeZone);
  if (!dates) return none;
  predicates.push(...dates.range);

  // A payment's documents are link items of their own realm (one entry per document).
  const planned = plan(q.documentId ? RECEIVABLES_DOCUMENT_PAYMENTS : RECEIVABLES_PAYMENTS, predicates);
  const tooBroad = () => new Invalid('The search covers too much at once: narrow it with since and until', issue('since', 'Narrow the date range'));
  if (!planned.ok) throw tooBroad();
  const sorts: Sort[] = [{ field: SORT_FIELD[q.orderBy], direction: q.order === 'ASC' ? 'ascending' : 'descending' }];
  try {
    const { items, total } = await search<Payment>(tenant, planned.plan, sorts, (q.page - 1) * q.resultsPerPage, q.resultsPerPage, { history: dates.history });
    return { payments: items, total, timeZone };
  } catch (error) {
    if (error instanceof SearchTooBroad) throw tooBroad();
    throw error;
  }
}
