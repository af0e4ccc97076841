/**
 * Property: any filter set of the gateway grammar answers exactly what a brute-force filter over
 * the same data answers (ids in order, total), or the documented 4xx: 4501 when no minimum
 * combination is present, 4601 for a field or operation outside the whitelist.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as searchPayments from '../../functions/gateway/search-payments.js';
import type { GatewayPayment } from '../../shared/domain/gateway/payment.js';
import { ALIASES, WHITELIST } from '../../shared/domain/gateway/search-grammar.js';
import { invoke, newTenant, token } from '../support/index.js';
import { searchPath, type Filter } from '../support/gateway-fixtures.js';
import { fieldValue, filterDate, modelSearch, seedGatewayData } from '../support/gateway-model.js';
import { createTenant } from '../support/ledger-fixtures.js';

const tenant = newTenant();
let admin: string;
let data: GatewayPayment[];

beforeAll(async () => {
  await createTenant(tenant, { currency: 'PEN', timeZone: 'America/Lima' });
  admin = await token({ role: 'ADMIN', tenant });
  data = await seedGatewayData(tenant, admin, 24);
}, 120_000);

const RANGE = ['EQUAL', 'GREATER_THAN', 'GREATER_THAN_OR_EQUAL_TO', 'LESS_THAN', 'LESS_THAN_OR_EQUAL_TO'];
const resolve = (field: string) => ALIASES[field] ?? field;

/** The seed's minimum combinations, as the README states them (keyable = EQUAL or IN; dates by a range). */
function hasMinimumCombination(filters: readonly Filter[]): boolean {
  const keyable = (field: string) => filters.some(([f, op]) => resolve(f) === field && (op === 'EQUAL' || op === 'IN'));
  const ranged = (field: string) => filters.some(([f, op]) => resolve(f) === field && RANGE.includes(op));
  return (
    (keyable('collector_id') && (['request_date', 'paid_date', 'rejected_date', 'accreditation_date', 'refunded_date'].some(ranged) || keyable('id'))) ||
    (keyable('owner.type') && keyable('owner.id')) ||
    (keyable('payer.email') && ranged('request_date')) ||
    (keyable('type') && keyable('payment_methods.gateway.name'))
  );
}

const TEXT_OPS = ['CONTAINS', 'CONTAINS_IGNORE_CASE', 'STARTS_WITH', 'ENDS_WITH'];
const ENUMS: Record<string, string[]> = {
  type: ['manual', 'online', 'by_media_payment'],
  status: ['pending', 'approved', 'rejected', 'refunded', 'in_process', 'review', 'cancelled', 'dismissed'],
  currency_id: ['PEN', 'CLP', 'USD'],
};

/** Values in the API's syntax for a field and operation: the data's own values, neighbours, and misses. */
function valuesFor(field: string, op = 'EQUAL'): fc.Arbitrary<string> {
  const f = resolve(field);
  const present = () => data.map((p) => fieldValue(p, f)).filter((v) => v !== undefined);
  if (f.endsWith('_date')) {
    const instants = [...present(), Date.parse('2025-01-01T00:00:00Z')] as number[];
    return fc
      .tuple(fc.constantFrom(...instants), fc.constantFrom(0, 1, -1, 1000, -60_000), fc.constantFrom(-180, 0, 330), fc.boolean())
      .map(([at, delta, offset, millis]) => filterDate(at + delta, offset, millis));
  }
  if (f === 'final_amount') return fc.constantFrom(...present().map((v) => String(Number(v) / 1e6)), '0', '25.5', '1000', '99999');
  if (['validation', 'review', 'batch_withdrawal'].includes(f)) return fc.constantFrom('true', 'false');
  if (ENUMS[f]) return fc.constantFrom(...ENUMS[f]!);
  if (f === 'id' || f === 'parent_payment_id') return fc.constantFrom(...present().map(String), '123456789');
  const texts = [...new Set(present().map(String))];
  const exact = fc.constantFrom(...(texts.length ? texts : ['none']), 'zz-miss');
  if (!TEXT_OPS.includes(op)) return exact;
  return exact.chain((text) => fc.constantFrom(text, text.slice(0, 3), text.slice(-3), text.toUpperCase()).filter((v) => v.length > 0));
}

function filterArb(field: string, ops: readonly string[]): fc.Arbitrary<Filter> {
  return fc.constantFrom(...ops).chain((op): fc.Arbitrary<Filter> => {
    if (op === 'EXISTS') return fc.constantFrom('true', 'false').map((v) => [field, op, v]);
    if (op === 'IN' || op === 'NOT_IN') return fc.array(valuesFor(field, op), { minLength: 1, maxLength: 3 }).map((vs) => [field, op, `[${vs.join(',')}]`]);
    return valuesFor(field, op).map((v) => [field, op, v]);
  });
}

const FIELDS = [...Object.keys(WHITELIST), ...Object.keys(ALIASES)];
const anyFilter = () => fc.constantFrom(...FIELDS).chain((field) => filterArb(field, WHITELIST[resolve(field)]!));
const exact = (field: string, op: string) => valuesFor(field).map((v): Filter => [field, op, v]);
/** Built once the data exists: value pools come from it. */
const combination = (): fc.Arbitrary<Filter[]> => fc.oneof(
  fc.tuple(filterArb('collector_id', ['EQUAL', 'IN']), fc.constantFrom('request_date', 'paid_date', 'rejected_date', 'accreditation_date', 'refunded_date'))
    .chain(([c, date]) => fc.array(filterArb(date, RANGE), { minLength: 1, maxLength: 2 }).map((range) => [c, ...range])),
  fc.tuple(filterArb('collector_id', ['EQUAL', 'IN']), fc.constantFrom('id', 'payment_id').chain((f) => filterArb(f, ['EQUAL', 'IN']))).map((fs) => [...fs]),
  fc.tuple(filterArb('owner.type', ['EQUAL', 'IN']), filterArb('owner.id', ['EQUAL', 'IN'])).map((fs) => [...fs]),
  fc.tuple(filterArb('payer.email', ['EQUAL', 'IN']), filterArb('request_date', RANGE)).map((fs) => [...fs]),
  fc.tuple(exact('type', 'EQUAL'), filterArb('payment_methods.gateway.name', ['EQUAL', 'IN'])).map((fs) => [...fs]),
  fc.constant<Filter[]>([]),
);
const SORTABLE = ['request_date', 'paid_date', 'amount', 'status', 'payer.email', 'owner.id', 'id', 'type', 'review'];
const sorts = fc.uniqueArray(fc.tuple(fc.constantFrom(...SORTABLE), fc.constantFrom('ascending', 'descending')), { maxLength: 3, selector: ([f]) => resolve(f) });

describe('GET /pagos property', () => {
  it('answers exactly what brute force answers, or 4501 without a minimum combination', async () => {
    const seen = { found: 0, empty: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        combination(),
        fc.array(anyFilter(), { maxLength: 3 }),
        sorts,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 15 }),
        async (combo, residual, s, page, limit) => {
          const filters = [...combo, ...residual];
          const response = await invoke(searchPayments, { path: searchPath(filters, { sorts: s, page, limit }), token: admin });
          if (!hasMinimumCombination(filters)) {
            expect(response.status).toBe(400);
            expect(response.body.extended_code).toBe(4501);
            seen.refused += 1;
            return;
          }
          expect(response.status, response.text).toBe(200);
          const expected = modelSearch(data, filters, s, page, limit);
          expect(response.body.data.map((p: { id: number }) => p.id)).toEqual(expected.ids);
          expect(response.body.total).toBe(expected.total);
          seen[expected.total > 0 ? 'found' : 'empty'] += 1;
        },
      ),
      { numRuns: 150 },
    );
    // The generator must exercise all three outcomes, not only empty answers.
    expect(seen.found).toBeGreaterThan(15);
    expect(seen.empty).toBeGreaterThan(5);
    expect(seen.refused).toBeGreaterThan(5);
  });

  it('answers 4601 for any field or operation outside the whitelist, wherever it appears', async () => {
    const unknownField = fc.stringMatching(/^[a-z_.]{1,20}$/).filter((f) => !(f in WHITELIST) && !(f in ALIASES));
    const disallowed = fc.constantFrom(...FIELDS).chain((field) => {
      const allowed = WHITELIST[resolve(field)]!;
      const others = ['EXISTS', 'NOT_EQUAL', 'IN', 'CONTAINS', 'GREATER_THAN', 'ENDS_WITH', 'BETWEEN', 'LIKE'].filter((op) => !allowed.includes(op as never));
      return fc.constantFrom(...others).map((op): Filter => [field, op, 'x']);
    });
    const bad = fc.oneof(unknownField.map((f): Filter => [f, 'EQUAL', 'x']), disallowed);
    await fc.assert(
      fc.asyncProperty(combination(), bad, fc.nat(), async (combo, b, at) => {
        const filters = [...combo];
        filters.splice(at % (filters.length + 1), 0, b);
        const response = await invoke(searchPayments, { path: searchPath(filters), token: admin });
        expect(response.status).toBe(400);
        expect(response.body.extended_code).toBe(4601);
      }),
      { numRuns: 60 },
    );
  });
});
