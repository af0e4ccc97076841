/**
 * The search grammar of `GET /pagos` (seed 002), pure: `filters[i][field|operation|value]`,
 * `sorts[field]=ascending|descending` (in the order sent), `page` from 1, `limit` 1–100. Fields are
 * checked against the documented whitelist (plus Caja's additions), aliases resolved, values parsed
 * into the planner's typed predicates. Errors carry the seed's messages and extended codes.
 */
import { CURRENCIES } from '../money.js';
import { GATEWAY_PAYMENTS } from '../../store/query/catalogue.js';
import { OPERATIONS, type Operation, type Predicate, type RowValue, type Sort } from '../../store/query/types.js';
import { parseFilterDate } from './dates.js';
import { invalidFilter } from './errors.js';
import { GATEWAY_STATUSES, GATEWAY_TYPES } from './payment.js';

const RANGE: readonly Operation[] = ['LESS_THAN', 'LESS_THAN_OR_EQUAL_TO', 'EQUAL', 'GREATER_THAN_OR_EQUAL_TO', 'GREATER_THAN'];
const TEXT: readonly Operation[] = ['EQUAL', 'NOT_EQUAL', 'IN', 'NOT_IN', 'CONTAINS', 'CONTAINS_IGNORE_CASE', 'STARTS_WITH', 'ENDS_WITH', 'EXISTS'];

/** Field → operations allowed: the seed's table, then Caja's additions (README lists both). */
export const WHITELIST: Readonly<Record<string, readonly Operation[]>> = {
  id: ['EQUAL', 'IN'],
  parent_payment_id: ['EXISTS', 'EQUAL'],
  external_transaction_id: ['EQUAL', 'CONTAINS_IGNORE_CASE'],
  type: ['EQUAL'],
  collector_id: ['EQUAL', 'IN'],
  currency_id: ['EQUAL'],
  final_amount: RANGE,
  status: ['EQUAL'],
  validation: ['EQUAL'],
  review: ['EQUAL'],
  request_date: RANGE,
  due_date: RANGE,
  last_due_date: RANGE,
  refunded_date: RANGE,
  process_date: RANGE,
  paid_date: RANGE,
  rejected_date: RANGE,
  cancel_date: RANGE,
  objected_date: RANGE,
  accreditation_date: RANGE,
  review_validation_date: RANGE,
  payer_validation_date: RANGE,
  payer_deferred_date: RANGE,
  batch_withdrawal: ['EQUAL'],
  'owner.type': ['EQUAL', 'IN'],
  'owner.id': ['EQUAL', 'IN'],
  'payer.email': ['EQUAL', 'IN', 'CONTAINS_IGNORE_CASE', 'STARTS_WITH', 'ENDS_WITH'],
  'payer.external_reference': TEXT,
  'payment_methods.gateway.name': ['EQUAL', 'NOT_EQUAL', 'IN', 'NOT_IN'],
};

export const ALIASES: Readonly<Record<string, string>> = { payment_id: 'id', amount: 'final_amount' };

/** Fields of a payment that exist but cannot be filtered (`<field> can not be filter`). */
export const NOT_FILTERABLE = new Set([
  'details',
  'details.amount',
  'details.concept_id',
  'details.concept_description',
  'details.external_reference',
  'payer',
  'payer.name',
  'payer.identification',
  'payer.identification.type',
  'payer.identification.number',
  'payer.identification.country',
  'owner',
  'payment_methods',
  'payment_methods.type',
  'payment_methods.amount',
  'payment_methods.media_payment_id',
  'payment_methods.gateway',
  'metadata',
  'status_detail',
]);

/** Values an enumerated field may take; anything else is a bad value. */
const ENUMS: Readonly<Record<string, readonly string[]>> = {
  type: GATEWAY_TYPES,
  status: GATEWAY_STATUSES,
  currency_id: CURRENCIES,
};

export const MAX_LIST_VALUES = 20;
const MAX_VALUE_LENGTH = 256;
const DECIMAL = /^-?\d{1,20}(\.\d{1,10})?$/;
const ID = /^[1-9]\d{0,15}$/;

export interface SearchQuery {
  predicates: Predicate[];
  sorts: Sort[];
  page: number;
  limit: number;
}

function resolveField(sent: string, use: 'filter' | 'sort'): string {
  const field = ALIASES[sent] ?? sent;
  if (WHITELIST[field]) return field;
  if (NOT_FILTERABLE.has(field)) throw invalidFilter(use === 'filter' ? `${sent} can not be filter` : `${sent} can not be sorted`);
  throw invalidFilter(`Invalid field "${sent}"`);
}

function parseScalar(sent: string, field: string, op: Operation, raw: string): RowValue {
  const bad = (why: string) => invalidFilter(`Invalid value "${raw.slice(0, 64)}" for field ${sent} with ${op}: ${why}`);
  if (raw.length === 0 || raw.length > MAX_VALUE_LENGTH) throw bad(`must be 1 to ${MAX_VALUE_LENGTH} characters`);
  const allowed = ENUMS[field];
  if (allowed && !allowed.includes(raw)) throw bad(`must be one of ${allowed.join(', ')}`);
  switch (GATEWAY_PAYMENTS.fields[field]) {
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw bad('must be true or false');
      return raw === 'true';
    case 'date': {
      const date = parseFilterDate(raw);
      if (!date) throw bad("must be a date yyyyMMdd'T'HHmmssSSSZ or yyyyMMdd'T'HHmmssZ");
      return date;
    }
    case 'decimal':
      if (!DECIMAL.test(raw)) throw bad('must be a decimal number');
      return raw;
    case 'id':
      if (!ID.test(raw) || !Number.isSafeInteger(Number(raw))) throw bad('must be a numeric id');
      return raw;
    default:
      return raw;
  }
}

function parsePredicate(sent: string, operation: string, raw: string): Predicate {
  const field = resolveField(sent, 'filter');
  if (!(OPERATIONS as readonly string[]).includes(operation)) {
    throw invalidFilter(`No enum constant com.paypertic.filter.util.enums.Operation.${operation}`);
  }
  const op = operation as Operation;
  if (!WHITELIST[field]!.includes(op)) throw invalidFilter(`${sent} can not be filtered with ${op}`);
  if (op === 'EXISTS') {
    if (raw !== 'true' && raw !== 'false') throw invalidFilter(`Invalid value "${raw.slice(0, 64)}" for field ${sent} with EXISTS: must be true or false`);
    return { field, op, value: raw === 'true' };
  }
  if (op === 'IN' || op === 'NOT_IN') {
    const list = /^\[(.*)\]$/s.exec(raw)?.[1];
    const items = list === undefined ? [] : list.split(',').map((v) => v.trim());
    if (list === undefined || list.trim() === '' || items.length > MAX_LIST_VALUES) {
      throw invalidFilter(`Invalid value "${raw.slice(0, 64)}" for field ${sent} with ${op}: must be a list [a,b] of 1 to ${MAX_LIST_VALUES} values`);
    }
    return { field, op, value: items.map((item) => parseScalar(sent, field, op, item)) };
  }
  return { field, op, value: parseScalar(sent, field, op, raw) } as Predicate;
}

function parsePositive(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d{1,7}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    throw invalidFilter(`Invalid value "${raw.slice(0, 64)}" for ${name}: must be an integer from 1 to ${max}`);
  }
  return Number(raw);
}

const FILTER_PARAM = /^filters\[(\d{1,3})\]\[(field|operation|value)\]$/;
const SORT_PARAM = /^sorts\[([^\]]{1,100})\]$/;

/** Parses the query string parameters of `GET /pagos` (in the order they were sent). */
export function parseSearch(params: Readonly<Record<string, string | undefined>>): SearchQuery {
  const filters = new Map<number, Partial<Record<'field' | 'operation' | 'value', string>>>();
  const sorts: Sort[] = [];
  for (const [name, value = ''] of Object.entries(params)) {
    const filter = FILTER_PARAM.exec(name);
    const sort = SORT_PARAM.exec(name);
    if (filter) {
      const index = Number(filter[1]);
      filters.set(index, { ...filters.get(index), [filter[2]!]: value });
    } else if (sort) {
      const field = resolveField(sort[1]!, 'sort');
      if (value !== 'ascending' && value !== 'descending') {
        throw invalidFilter(`Invalid sort direction "${value.slice(0, 64)}" for ${sort[1]}: must be ascending or descending`);
      }
      if (!sorts.some((s) => s.field === field)) sorts.push({ field, direction: value });
    } else if (name !== 'page' && name !== 'limit') {
      throw invalidFilter(`Invalid parameter "${name.slice(0, 100)}"`);
    }
  }
  const predicates = [...filters.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, f]) => {
      if (f.field === undefined || f.operation === undefined || f.value === undefined) {
        throw invalidFilter(`filters[${index}] needs a field, an operation and a value`);
      }
      return parsePredicate(f.field, f.operation, f.value);
    });
  return {
    predicates,
    sorts,
    page: parsePositive('page', params.page, 1, 1_000_000),
    limit: parsePositive('limit', params.limit, 10, 100),
  };
}
