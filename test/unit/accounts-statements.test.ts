/** Statement arithmetic (shared/domain/statements.ts): pure, in minor units. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DayFigures,
  dayBalance,
  dayNet,
  runningStatements,
  statementField,
  statementFor,
  ZERO_FIGURES,
} from '../../shared/domain/statements.js';

const day = (date: string, figures: Partial<Omit<DayFigures, 'date'>> = {}): DayFigures => ({ date, ...ZERO_FIGURES, ...figures });

describe('statement figures', () => {
  it("reproduces the document's example: 500000 − 250000 − 17500 − 100000 paid = 132500", () => {
    const days = [day('2024-03-15', { totalSales: 500000, totalPayouts: 250000, commission: 17500, totalPaid: 100000 })];
    const statement = statementFor(days, '2024-03-15');
    expect(statement).toMatchObject({ balance: 232500, totalPaid: 100000, remainingBalance: 132500 });
  });

  it('balance = sales − payouts − commission; collections add to the remaining balance', () => {
    expect(dayBalance({ totalSales: 1000, totalPayouts: 300, commission: 50 })).toBe(650);
    expect(dayNet({ totalSales: 1000, totalPayouts: 300, commission: 50, totalPaid: 600, totalCollected: 20 })).toBe(70);
  });

  it('carries the previous days into the remaining balance; later days follow an earlier change', () => {
    const days = [
      day('2024-03-14', { totalSales: 1000, totalPaid: 400 }), // +600
      day('2024-03-15', { totalSales: 500, totalPayouts: 100 }), // +400
      day('2024-03-17', { totalPaid: 300 }), // −300
    ];
    expect(statementFor(days, '2024-03-14').remainingBalance).toBe(600);
    expect(statementFor(days, '2024-03-15').remainingBalance).toBe(1000);
    // A day without anything stored is all zeros but carries the balance.
    const gap = statementFor(days, '2024-03-16');
    expect(gap).toMatchObject({ totalSales: 0, totalPaid: 0, balance: 0, remainingBalance: 1000 });
    expect(gap.day).toBeUndefined();
    expect(statementFor(days, '2024-03-17').remainingBalance).toBe(700);
    // A backdated payment on the 14th lowers every later day.
    days[0] = day('2024-03-14', { totalSales: 1000, totalPaid: 450 });
    expect(statementFor(days, '2024-03-15').remainingBalance).toBe(950);
    expect(statementFor(days, '2024-03-17').remainingBalance).toBe(650);
  });

  it('ignores days after the asked date and any input order', () => {
    const days = [day('2024-03-20', { totalSales: 99 }), day('2024-03-01', { totalSales: 5 })];
    expect(statementFor(days, '2024-03-10').remainingBalance).toBe(5);
    expect(statementFor([], '2024-03-10')).toMatchObject({ date: '2024-03-10', ...ZERO_FIGURES, balance: 0, remainingBalance: 0 });
  });

  it('the running remaining balance of each day equals the previous one plus its net (property)', () => {
    const dayArb = fc.record({
      totalSales: fc.nat(1e9),
      totalPayouts: fc.nat(1e9),
      commission: fc.nat(1e8),
      totalPaid: fc.nat(1e9),
      totalCollected: fc.nat(1e9),
    });
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 28 }), { minLength: 1, maxLength: 20 }), fc.array(dayArb, { minLength: 20, maxLength: 20 }), (dayNumbers, figures) => {
        const days = dayNumbers.map((n, i) => day(`2024-02-${String(n).padStart(2, '0')}`, figures[i]!));
        const running = runningStatements(days);
        let previous = 0;
        for (const statement of running) {
          expect(statement.remainingBalance).toBe(previous + statement.balance - statement.totalPaid + statement.totalCollected);
          expect(statementFor(days, statement.date).remainingBalance).toBe(statement.remainingBalance);
          previous = statement.remainingBalance;
        }
      }),
    );
  });

  it('maps the accounts type to its counter', () => {
    expect(statementField('payment')).toBe('totalPaid');
    expect(statementField('collection')).toBe('totalCollected');
  });
});
