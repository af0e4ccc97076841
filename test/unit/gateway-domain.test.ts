/** Gateway (seed 002) domain, pure: search grammar, dates, transitions, request normalization, envelope. */
import { describe, expect, it } from 'vitest';
import { parseBodyDate, parseFilterDate } from '../../shared/domain/gateway/dates.js';
import { gatewayRow, GATEWAY_STATUSES, type GatewayRecord } from '../../shared/domain/gateway/payment.js';
import { normalizeRequest } from '../../shared/domain/gateway/request.js';
import { parseSearch } from '../../shared/domain/gateway/search-grammar.js';
import { canTransition, FINAL_STATUSES, STATUS_DATES, transition } from '../../shared/domain/gateway/transitions.js';
import { formatGatewayDate } from '../../shared/dialects/gateway/dates.js';
import { toFailure } from '../../shared/dialects/failure.js';
import { gateway, gatewayError } from '../../shared/dialects/gateway/index.js';
import { Conflict, Unauthenticated } from '../../shared/ledger/errors.js';

/** An error as the gateway dialect renders it (its error map, then its envelope). */
const rendered = (error: unknown) => gatewayError(toFailure(error, gateway.errors));

const rejected = (params: Record<string, string>) => {
  try {
    parseSearch(params);
  } catch (error) {
    return { message: (error as Error).message, code: rendered(error).extended_code };
  }
  throw new Error('accepted');
};

describe('filter dates', () => {
  it('reads both documented forms with their offset', () => {
    expect(parseFilterDate('20250101T000000000-0300')).toBe('2025-01-01T03:00:00.000Z');
    expect(parseFilterDate('20250101T000000-0300')).toBe('2025-01-01T03:00:00.000Z');
    expect(parseFilterDate('20250101T235959999+0530')).toBe('2025-01-01T18:29:59.999Z');
    // A `+` sent unencoded in the query string arrives as a space.
    expect(parseFilterDate('20250101T235959999 0530')).toBe('2025-01-01T18:29:59.999Z');
  });
  it('refuses other shapes and impossible dates', () => {
    for (const bad of ['2025-01-01', '20250101', '20250101T000000000', '20250230T000000-0300', '20250101T250000-0300', '20250101T000000Z', '20250101T000000-03:00']) {
      expect(parseFilterDate(bad), bad).toBeUndefined();
    }
  });
  it('reads body dates in the response format and ISO 8601', () => {
    expect(parseBodyDate('2025-01-01T10:00:00-0300')).toBe('2025-01-01T13:00:00.000Z');
    expect(parseBodyDate('2025-01-01T10:00:00.5-03:00')).toBe('2025-01-01T13:00:00.500Z');
    expect(parseBodyDate('2025-01-01T13:00:00Z')).toBe('2025-01-01T13:00:00.000Z');
    expect(parseBodyDate('2025-01-01')).toBeUndefined();
  });
  it('renders yyyy-MM-ddTHH:mm:ssZ in the tenant time zone', () => {
    expect(formatGatewayDate('2025-01-01T13:00:00.000Z', 'America/Argentina/Buenos_Aires')).toBe('2025-01-01T10:00:00-0300');
    expect(formatGatewayDate('2025-01-01T13:00:00.000Z', 'UTC')).toBe('2025-01-01T13:00:00+0000');
    expect(formatGatewayDate('2025-07-01T13:00:00.000Z', 'Asia/Kolkata')).toBe('2025-07-01T18:30:00+0530');
  });
});

describe('search grammar', () => {
  it('parses filters in index order, aliases, lists, booleans, dates, sorts in order and paging', () => {
    const q = parseSearch({
      'filters[1][field]': 'request_date',
      'filters[1][operation]': 'GREATER_THAN',
      'filters[1][value]': '20250101T000000-0300',
      'filters[0][field]': 'collector_id',
      'filters[0][operation]': 'IN',
      'filters[0][value]': '[a, b]',
      'filters[2][field]': 'review',
      'filters[2][operation]': 'EQUAL',
      'filters[2][value]': 'false',
      'filters[3][field]': 'amount',
      'filters[3][operation]': 'GREATER_THAN',
      'filters[3][value]': '10.5',
      'sorts[amount]': 'descending',
      'sorts[request_date]': 'ascending',
      page: '3',
      limit: '25',
    });
    expect(q.predicates).toEqual([
      { field: 'collector_id', op: 'IN', value: ['a', 'b'] },
      { field: 'request_date', op: 'GREATER_THAN', value: '2025-01-01T03:00:00.000Z' },
      { field: 'review', op: 'EQUAL', value: false },
      { field: 'final_amount', op: 'GREATER_THAN', value: '10.5' },
    ]);
    expect(q.sorts).toEqual([{ field: 'final_amount', direction: 'descending' }, { field: 'request_date', direction: 'ascending' }]);
    expect(q).toMatchObject({ page: 3, limit: 25 });
    expect(parseSearch({})).toMatchObject({ page: 1, limit: 10, predicates: [], sorts: [] });
  });

  it('answers the seed messages with 4601', () => {
    const f = (field: string, operation: string, value = 'x') => ({ 'filters[0][field]': field, 'filters[0][operation]': operation, 'filters[0][value]': value });
    expect(rejected(f('nope', 'EQUAL'))).toEqual({ message: 'Invalid field "nope"', code: 4601 });
    expect(rejected(f('metadata', 'EQUAL'))).toEqual({ message: 'metadata can not be filter', code: 4601 });
    expect(rejected(f('status', 'BETWEEN'))).toEqual({ message: 'No enum constant com.paypertic.filter.util.enums.Operation.BETWEEN', code: 4601 });
    expect(rejected(f('type', 'NOT_EQUAL'))).toEqual({ message: 'type can not be filtered with NOT_EQUAL', code: 4601 });
    expect(rejected(f('final_amount', 'EQUAL', '1,5')).message).toContain('final_amount');
    expect(rejected({ limit: '101' }).code).toBe(4601);
  });
});

describe('transitions', () => {
  it('keeps final statuses final and lets approved become refunded only', () => {
    for (const from of FINAL_STATUSES) for (const to of GATEWAY_STATUSES) expect(canTransition(from, to)).toBe(false);
    expect(GATEWAY_STATUSES.filter((to) => canTransition('approved', to))).toEqual(['refunded']);
    for (const from of GATEWAY_STATUSES) {
      expect(canTransition(from, from)).toBe(false);
      expect(canTransition(from, 'pending')).toBe(false);
    }
    expect(canTransition('pending', 'approved')).toBe(true);
    expect(canTransition('in_process', 'authorized')).toBe(true);
    expect(canTransition('pending', 'refunded')).toBe(false);
  });

  it('stamps the dates of the target status', () => {
    const record = { status: 'pending', review: false, validation: false } as GatewayRecord;
    const at = '2025-01-01T00:00:00.000Z';
    for (const to of GATEWAY_STATUSES) {
      const next = transition(record, to, at);
      for (const field of STATUS_DATES[to]) expect(next[field]).toBe(at);
    }
    expect(transition(record, 'approved', at)).toMatchObject({ paid_date: at, accreditation_date: at });
    expect(transition(record, 'review', at).review).toBe(true);
    expect(transition(record, 'validate', at).validation).toBe(true);
  });
});

describe('requests and rows', () => {
  it('sums details in minor units and derives the search row', () => {
    const request = normalizeRequest({
      collector_id: 'c',
      external_transaction_id: 'e',
      currency_id: 'PEN',
      details: [{ amount: 0.1 }, { amount: '0.2' }],
      payment_methods: [{ gateway: { name: 'g' } }, { type: 'cash' }],
      due_date: '2025-01-01T10:00:00-0300',
    });
    expect(request.details.map((d) => d.amount)).toEqual([10, 20]);
    expect(request.due_date).toBe('2025-01-01T13:00:00.000Z');
    const row = gatewayRow('5', { ...request, final_amount: 30, status: 'pending', validation: false, review: false, batch_withdrawal: false, request_date: '2025-01-01T00:00:00.000Z' });
    expect(row).toMatchObject({ id: '5', final_amount: '0.30', 'payment_methods.gateway.name': 'g', status: 'pending' });
    expect('owner.type' in row).toBe(false);
  });

  it('refuses amounts with more decimals than the currency and several gateways', () => {
    expect(() => normalizeRequest({ collector_id: 'c', external_transaction_id: 'e', currency_id: 'CLP', details: [{ amount: 1.5 }] })).toThrow(/decimals/);
    expect(() =>
      normalizeRequest({ collector_id: 'c', external_transaction_id: 'e', currency_id: 'PEN', details: [{ amount: 1 }], payment_methods: [{ gateway: { name: 'a' } }, { gateway: { name: 'b' } }] }),
    ).toThrow(/same gateway/);
  });
});

describe('envelope', () => {
  it('renders every error as {code, message, extended_code}; 401 is No autorizado 4001', () => {
    expect(rendered(new Unauthenticated())).toEqual({ code: 401, message: 'No autorizado', extended_code: 4001 });
    expect(rendered(new Error('boom'))).toEqual({ code: 500, message: 'Error interno del servidor', extended_code: 5000 });
    expect(rendered(new Conflict('no'))).toEqual({ code: 409, message: 'no', extended_code: 4090 });
  });
});
