/** The pure allocation rules: oldest first across several charges, split checks, and charge deltas. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateOldestFirst, allocationDeltas, checkAllocations, type OpenCharge } from '../../shared/domain/allocation.js';

const charges: OpenCharge[] = [
  { id: '30', outstanding: 5_000, dueDate: '2024-03-10' },
  { id: '10', outstanding: 10_000, dueDate: '2024-01-10' },
  { id: '20', outstanding: 7_500, dueDate: '2024-02-10' },
  { id: '40', outstanding: 2_000 }, // no dates: newest
];

describe('allocateOldestFirst', () => {
  it('pays the oldest charges first, each up to what it owes, across several charges', () => {
    expect(allocateOldestFirst(20_000, charges)).toEqual({
      allocations: [
        { chargeId: '10', amount: 10_000 },
        { chargeId: '20', amount: 7_500 },
        { chargeId: '30', amount: 2_500 },
      ],
      unapplied: 0,
    });
  });

  it('leaves what no charge owes unapplied, and skips settled charges', () => {
    const plan = allocateOldestFirst(30_000, [...charges, { id: '5', outstanding: 0, dueDate: '2023-01-01' }]);
    expect(plan.allocations.map((a) => a.chargeId)).toEqual(['10', '20', '30', '40']);
    expect(plan.unapplied).toBe(30_000 - 24_500);
  });

  it('breaks ties on the due date by issue date, then by id (time-ordered: shorter is older)', () => {
    const tied: OpenCharge[] = [
      { id: '100', outstanding: 1, dueDate: '2024-01-01' },
      { id: '99', outstanding: 1, dueDate: '2024-01-01' },
      { id: '7', outstanding: 1, issueDate: '2023-12-01' },
    ];
    expect(allocateOldestFirst(3, tied).allocations.map((a) => a.chargeId)).toEqual(['7', '99', '100']);
  });

  it('matches a brute-force model on random charges and amounts', () => {
    const charge = fc.record({
      id: fc.integer({ min: 1, max: 1e9 }).map(String),
      outstanding: fc.integer({ min: 0, max: 1e6 }),
      dueDate: fc.option(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(charge, { selector: (c) => c.id, maxLength: 12 }), fc.integer({ min: 0, max: 2e7 }), (open, amount) => {
        const { allocations, unapplied } = allocateOldestFirst(amount, open);
        const total = allocations.reduce((s, a) => s + a.amount, 0);
        const owed = open.reduce((s, c) => s + c.outstanding, 0);
        // Money is conserved, nothing is over-applied, and the payment goes as far as it can.
        expect(total + unapplied).toBe(amount);
        expect(total).toBe(Math.min(amount, owed));
        for (const a of allocations) expect(a.amount).toBeLessThanOrEqual(open.find((c) => c.id === a.chargeId)!.outstanding);
        expect(checkAllocations(amount, allocations, (id) => open.find((c) => c.id === id)?.outstanding)).toBeUndefined();
        // Oldest first: a charge is only touched once every older charge is fully paid.
        const partial = allocations.findIndex((a) => a.amount < open.find((c) => c.id === a.chargeId)!.outstanding);
        expect(partial === -1 || partial === allocations.length - 1).toBe(true);
      }),
    );
  });
});

describe('checkAllocations', () => {
  it('accepts a split across several charges within the payment and each outstanding amount', () => {
    const split = [
      { chargeId: '10', amount: 6_000 },
      { chargeId: '20', amount: 4_000 },
    ];
    expect(checkAllocations(10_000, split, () => 6_000)).toBeUndefined();
  });

  it('names what is wrong with a split', () => {
    expect(checkAllocations(100, [{ chargeId: '1', amount: 0 }])).toEqual({ problem: 'not_positive', chargeId: '1' });
    expect(checkAllocations(100, [{ chargeId: '1', amount: 10 }, { chargeId: '1', amount: 10 }])).toEqual({ problem: 'repeated_charge', chargeId: '1' });
    expect(checkAllocations(100, [{ chargeId: '1', amount: 60 }, { chargeId: '2', amount: 50 }])).toEqual({ problem: 'exceeds_amount', total: 110 });
    expect(checkAllocations(100, [{ chargeId: '1', amount: 60 }], () => 50)).toEqual({ problem: 'exceeds_outstanding', chargeId: '1', outstanding: 50 });
  });
});

describe('allocationDeltas', () => {
  it('moves only what changed between two splits', () => {
    const before = [
      { chargeId: 'a', amount: 100 },
      { chargeId: 'b', amount: 50 },
    ];
    const after = [
      { chargeId: 'a', amount: 100 },
      { chargeId: 'c', amount: 80 },
    ];
    expect(allocationDeltas(before, after)).toEqual([
      { chargeId: 'b', amount: -50 },
      { chargeId: 'c', amount: 80 },
    ]);
    expect(allocationDeltas([], after)).toEqual(after);
    expect(allocationDeltas(before, [])).toEqual(before.map((a) => ({ ...a, amount: -a.amount })));
  });
});
