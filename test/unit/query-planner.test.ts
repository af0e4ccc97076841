/** The query planner and its catalogue, pure: pattern choice, key conditions, residuals, row semantics. */
import { describe, expect, it } from 'vitest';
import { GATEWAY_PAYMENTS, CATALOGUE, RECEIVABLES_PAYMENTS } from '../../shared/store/query/catalogue.js';
import { partitionValue, queryAttributes, rowAttribute, searchIndexes } from '../../shared/store/query/attributes.js';
import { MAX_PARTITIONS, plan } from '../../shared/store/query/planner.js';
import { compareValues, matches, rowOrder } from '../../shared/store/query/predicates.js';
import type { Predicate } from '../../shared/store/query/types.js';
import { TABLE } from '../../shared/store/table.js';

const D1 = '2025-01-01T03:00:00.000Z';
const D2 = '2025-02-01T03:00:00.000Z';
const planned = (predicates: Predicate[]) => {
  const outcome = plan(GATEWAY_PAYMENTS, predicates);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.plan;
};

describe('catalogue', () => {
  it('declares every search index once in the table definition, projecting only the row', () => {
    const names = TABLE.indexes.map((i) => i.name);
    expect(new Set(names).size).toBe(names.length);
    for (const realm of CATALOGUE) {
      for (const index of searchIndexes([realm])) {
        expect(TABLE.indexes).toContainEqual(index);
        expect(index.projection).toEqual({ include: [rowAttribute(realm)] });
      }
    }
    expect(TABLE.indexes.length).toBeLessThanOrEqual(20); // DynamoDB's GSI limit per table
  });

  it('only sorts index keys on fields whose string order is their value order', () => {
    for (const p of GATEWAY_PAYMENTS.patterns) {
      if (p.kind === 'index') expect(['date', 'string']).toContain(GATEWAY_PAYMENTS.fields[p.sort]);
    }
  });

  it('writes index attributes only for patterns whose fields the row has (sparse indexes)', () => {
    const attributes = queryAttributes('t1', GATEWAY_PAYMENTS, { id: '7', collector_id: 'c#1', request_date: D1 });
    expect(attributes).toEqual({
      q_gateway_row: { id: '7', collector_id: 'c#1', request_date: D1 },
      q_gateway_collector_id: 'T#t1#gateway#collector_id#c%231',
      q_gateway_request_date: D1,
    });
  });

  it('keeps partitions of different values and tenants apart', () => {
    const owner = GATEWAY_PAYMENTS.patterns.find((p) => p.kind === 'index' && p.index === 'gw_owner');
    if (owner?.kind !== 'index') throw new Error('no owner pattern');
    expect(partitionValue('t', GATEWAY_PAYMENTS, owner, ['a#b', 'c'])).not.toBe(partitionValue('t', GATEWAY_PAYMENTS, owner, ['a', 'b#c']));
    expect(partitionValue('t1', GATEWAY_PAYMENTS, owner, ['a', 'b'])).not.toBe(partitionValue('t2', GATEWAY_PAYMENTS, owner, ['a', 'b']));
  });
});

describe('plan', () => {
  it('turns collector + a date range into a key condition and keeps the rest residual', () => {
    const p = planned([
      { field: 'collector_id', op: 'EQUAL', value: 'c1' },
      { field: 'paid_date', op: 'GREATER_THAN', value: D1 },
      { field: 'paid_date', op: 'LESS_THAN_OR_EQUAL_TO', value: D2 },
      { field: 'status', op: 'EQUAL', value: 'approved' },
    ]);
    expect(p).toMatchObject({ kind: 'index', pattern: { index: 'gw_collector_paid' }, partitions: [['c1']], range: { lower: D1, upper: D2 }, empty: false });
    // The collector is covered by the key; the date bounds stay residual so exclusive bounds are exact.
    expect(p.residual.map((r) => r.field)).toEqual(['paid_date', 'paid_date', 'status']);
  });

  it('prefers a key lookup, then a ranged pattern, then catalogue order', () => {
    expect(planned([
      { field: 'collector_id', op: 'EQUAL', value: 'c1' },
      { field: 'request_date', op: 'GREATER_THAN', value: D1 },
      { field: 'id', op: 'IN', value: ['1', '2'] },
    ])).toMatchObject({ kind: 'key', ids: ['1', '2'] });
    expect(planned([
      { field: 'owner.type', op: 'EQUAL', value: 's' },
      { field: 'owner.id', op: 'EQUAL', value: 'o' },
      { field: 'collector_id', op: 'EQUAL', value: 'c1' },
      { field: 'request_date', op: 'GREATER_THAN', value: D1 },
    ])).toMatchObject({ pattern: { index: 'gw_owner' }, range: { lower: D1 } });
  });

  it('multiplies IN lists into partitions, intersects repeated constraints, and detects empty plans', () => {
    const p = planned([
      { field: 'owner.type', op: 'IN', value: ['a', 'b'] },
      { field: 'owner.id', op: 'IN', value: ['x', 'y', 'z'] },
      { field: 'owner.id', op: 'IN', value: ['y', 'z', 'w'] },
    ]);
    expect(p.kind === 'index' && p.partitions).toEqual([['a', 'y'], ['a', 'z'], ['b', 'y'], ['b', 'z']]);
    const none = planned([
      { field: 'collector_id', op: 'EQUAL', value: 'c1' },
      { field: 'collector_id', op: 'EQUAL', value: 'c2' },
      { field: 'request_date', op: 'EQUAL', value: D1 },
    ]);
    expect(none).toMatchObject({ kind: 'index', empty: true });
    const crossed = planned([
      { field: 'collector_id', op: 'EQUAL', value: 'c1' },
      { field: 'request_date', op: 'GREATER_THAN', value: D2 },
      { field: 'request_date', op: 'LESS_THAN', value: D1 },
    ]);
    expect(crossed).toMatchObject({ empty: true });
  });

  it('refuses filter sets without a pattern, and too many partitions', () => {
    expect(plan(GATEWAY_PAYMENTS, [{ field: 'collector_id', op: 'EQUAL', value: 'c1' }])).toEqual({ ok: false, reason: 'no_pattern' });
    expect(plan(GATEWAY_PAYMENTS, [
      { field: 'collector_id', op: 'NOT_EQUAL', value: 'c1' },
      { field: 'request_date', op: 'GREATER_THAN', value: D1 },
    ])).toEqual({ ok: false, reason: 'no_pattern' });
    const many = Array.from({ length: 8 }, (_, i) => String(i));
    expect(plan(GATEWAY_PAYMENTS, [
      { field: 'owner.type', op: 'IN', value: many },
      { field: 'owner.id', op: 'IN', value: many },
    ])).toEqual({ ok: false, reason: 'too_broad' });
    expect(8 * 8).toBeGreaterThan(MAX_PARTITIONS);
  });
});

describe('row semantics', () => {
  it('compares decimals exactly, ids as integers, booleans false < true', () => {
    expect(compareValues('decimal', '0.1', '0.10')).toBe(0);
    expect(compareValues('decimal', '10', '9.99')).toBe(1);
    expect(compareValues('decimal', '100000000000000000.01', '100000000000000000.02')).toBe(-1);
    expect(compareValues('id', '9', '10')).toBe(-1);
    expect(compareValues('boolean', false, true)).toBe(-1);
  });

  it('treats absent fields as failing every operation but NOT_EQUAL, NOT_IN and EXISTS false', () => {
    const row = { id: '1' };
    const ops: Predicate[] = [
      { field: 'payer.email', op: 'EQUAL', value: 'x' },
      { field: 'payer.email', op: 'CONTAINS', value: 'x' },
      { field: 'payer.email', op: 'IN', value: ['x'] },
    ];
    for (const p of ops) expect(matches(row, p, 'string')).toBe(false);
    expect(matches(row, { field: 'payer.email', op: 'NOT_EQUAL', value: 'x' }, 'string')).toBe(true);
    expect(matches(row, { field: 'payer.email', op: 'NOT_IN', value: ['x'] }, 'string')).toBe(true);
    expect(matches(row, { field: 'payer.email', op: 'EXISTS', value: false }, 'string')).toBe(true);
  });

  it('orders by the sorts, absent values first ascending, then by id', () => {
    const rows = [{ id: '10', a: 'x' }, { id: '9' }, { id: '2', a: 'x' }, { id: '3', a: 'a' }];
    const sorted = [...rows].sort(rowOrder({ id: 'id', a: 'string' }, [{ field: 'a', direction: 'ascending' }], 'id'));
    expect(sorted.map((r) => r.id)).toEqual(['9', '3', '2', '10']);
    const desc = [...rows].sort(rowOrder({ id: 'id', a: 'string' }, [{ field: 'a', direction: 'descending' }], 'id'));
    expect(desc.map((r) => r.id)).toEqual(['2', '10', '3', '9']);
  });
});

describe('month buckets (receivables getPayments)', () => {
  const dated = (lower: string, upper: string): Predicate[] => [
    { field: 'status', op: 'EQUAL', value: '1' },
    { field: 'date', op: 'GREATER_THAN_OR_EQUAL_TO', value: lower },
    { field: 'date', op: 'LESS_THAN_OR_EQUAL_TO', value: upper },
  ];

  it('expands the months of the range into partitions, across a year boundary', () => {
    const planned = plan(RECEIVABLES_PAYMENTS, dated('2023-11-15', '2024-02-03'));
    expect(planned.ok && planned.plan.kind === 'index' && planned.plan.pattern.index).toBe('rcv_status_date');
    expect(planned.ok && planned.plan.kind === 'index' && planned.plan.partitions).toEqual([['1', '2023-11'], ['1', '2023-12'], ['1', '2024-01'], ['1', '2024-02']]);
  });

  it('prefers a pattern keyed on a filter value over the tenant-wide buckets, and needs both bounds for them', () => {
    const planned = plan(RECEIVABLES_PAYMENTS, [...dated('2024-01-01', '2024-12-31'), { field: 'clientId', op: 'EQUAL', value: '7' }]);
    expect(planned.ok && planned.plan.kind === 'index' && planned.plan.pattern.index).toBe('rcv_client');
    expect(plan(RECEIVABLES_PAYMENTS, [{ field: 'status', op: 'EQUAL', value: '1' }]).ok).toBe(false);
  });

  it('gives an item its month partition and no entry once it has no row field for a pattern', () => {
    const attributes = queryAttributes('t', RECEIVABLES_PAYMENTS, { id: '1', status: '0', date: '2024-05-31', created: '2024-06-01T03:00:00.000Z' });
    expect(Object.values(attributes)).toContain('T#t#receivables#status+date_month#0#2024-05');
    expect(Object.values(attributes)).toContain('T#t#receivables#status+created_month#0#2024-06');
    expect(Object.keys(attributes).some((k) => k.includes('reconciled'))).toBe(false);
  });
});
