/** Prefix-count trees (shared/store/aggregates/prefix-tree.ts and the offline TreeView): pure, no I/O. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBound,
  cumulative,
  mergeSlots,
  nodesFor,
  pathOf,
  pickSlot,
  shardOf,
  slotAttributes,
  slotsOf,
} from '../../shared/store/aggregates/prefix-tree.js';
import { type Entry } from '../../shared/store/aggregates/tree.js';
import { TreeView } from '../../shared/store/aggregates/tree-view.js';

const DAYS = { cuts: [4, 6, 8] };
const series = { tenant: 't', name: 'TEST', shape: DAYS, measures: ['n', 'c'], shards: 1 };

describe('pathOf', () => {
  it('cuts a day into year, month and day slots under the root, the year and the month', () => {
    expect(pathOf('20240315', DAYS)).toEqual([
      { node: '', slot: '2024' },
      { node: '2024', slot: '03' },
      { node: '202403', slot: '15' },
    ]);
  });

  it('refuses keys that are too short or not digits', () => {
    expect(() => pathOf('202403', DAYS)).toThrow(RangeError);
    expect(() => pathOf('2024-03-15', DAYS)).toThrow(RangeError);
  });
});

describe('measures kept above the leaf level (shape.upper)', () => {
  const shape = { ...DAYS, upper: ['n'] };
  const entries: Entry[] = [
    { key: '20240314', totals: { n: -3, s: 10 } },
    { key: '20240315', totals: { n: 11, s: 20 } },
    { key: '20250101', totals: { s: 5 } },
  ];

  it('keeps every measure in the leaf buckets and only `upper` in the nodes above', () => {
    const nodes = nodesFor(entries, shape);
    expect(nodes.get('')).toEqual({ '2024': { n: 8 } });
    expect(nodes.get('2024')).toEqual({ '03': { n: 8 } });
    expect(nodes.get('202403')).toEqual({ '14': { n: -3, s: 10 }, '15': { n: 11, s: 20 } });
    expect(nodes.get('202501')).toEqual({ '01': { s: 5 } });
    expect(cumulative(nodes, '20250101', shape, true)).toEqual({ n: 8, s: 5 });
  });
});

describe('cumulative totals from one node per level', () => {
  const entries: Entry[] = [
    { key: '20231231', totals: { n: 5, c: 1 } },
    { key: '20240101', totals: { n: 7, c: 2 } },
    { key: '20240314', totals: { n: -3, c: 1 } },
    { key: '20240315', totals: { n: 11, c: 4 } },
  ];
  const nodes = nodesFor(entries, DAYS);

  it('adds the slots before the key at each level, and the key itself when inclusive', () => {
    expect(cumulative(nodes, '20240315', DAYS, true)).toEqual({ n: 20, c: 8 });
    expect(cumulative(nodes, '20240315', DAYS, false)).toEqual({ n: 9, c: 4 });
    expect(cumulative(nodes, '20240101', DAYS, false)).toEqual({ n: 5, c: 1 });
    expect(cumulative(nodes, '20230101', DAYS, true)).toEqual({});
    expect(cumulative(nodes, '20991231', DAYS, true)).toEqual({ n: 20, c: 8 });
  });

  const day = fc
    .record({ y: fc.integer({ min: 2015, max: 2026 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
    .map(({ y, m, d }) => `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`);
  const entry = fc.record({ key: day, totals: fc.record({ n: fc.integer({ min: -1e9, max: 1e9 }), c: fc.nat(50) }) });

  it('equals the brute-force sum over the entries for any history and day', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), day, fc.boolean(), (all, at, inclusive) => {
        const expected = { n: 0, c: 0 };
        for (const e of all) {
          if (e.key < at || (inclusive && e.key === at)) {
            expected.n += e.totals.n;
            expected.c += e.totals.c;
          }
        }
        const got = cumulative(nodesFor(all, DAYS), at, DAYS, inclusive);
        expect({ n: got.n ?? 0, c: got.c ?? 0 }).toEqual(expected);
      }),
    );
  });

  it('locates the bucket of any rank, and the offset inside it, like a walk over the sorted items', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 60 }), fc.nat(400), async (all, rank) => {
        const sorted = all.flatMap((e) => Array.from({ length: e.totals.c }, () => e.key)).sort();
        const view = TreeView.fromEntries(series, all);
        const found = await view.locate(rank, 'c');
        if (rank >= sorted.length) {
          expect(found).toBeUndefined();
          return;
        }
        const bucket = sorted[rank]!;
        const first = sorted.indexOf(bucket);
        expect(found).toEqual({ bucket, within: rank - first, count: sorted.filter((k) => k === bucket).length });
      }),
    );
  });
});

describe('node slots', () => {
  it('pickSlot skips empty and negative slots and says what came before', () => {
    const node = { '01': { c: 2 }, '02': { c: 0 }, '03': { c: 3 } };
    expect(pickSlot(node, 0, 'c')).toEqual({ slot: '01', before: 0, count: 2 });
    expect(pickSlot(node, 2, 'c')).toEqual({ slot: '03', before: 2, count: 3 });
    expect(pickSlot(node, 5, 'c')).toBeUndefined();
  });

  it('merges shards slot by slot', () => {
    expect(mergeSlots([{ '01': { c: 1 } }, { '01': { c: 2 }, '02': { c: 5 } }, {}])).toEqual({ '01': { c: 3 }, '02': { c: 5 } });
  });

  it('round-trips through item attributes, ignoring the item’s other attributes', () => {
    const slots = { '2024': { n: -5, c: 2 }, '2025': { c: 1 } };
    expect(slotsOf({ pk: 'x', rev: 3, complete: true, ...slotAttributes(slots) })).toEqual(slots);
  });

  it('spreads ids over shards by their last digits, the same shard for the same id', () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[shardOf(String(390000000000000 + i * 7), 4)]!++;
    expect(counts.every((n) => n === 1000)).toBe(true);
    expect(shardOf('20240315', 1)).toBe(0);
  });

  it('bounds an ADD so the total stays an exact integer', () => {
    expect(addBound(10, 100)).toEqual({ op: '<=', value: 90 });
    expect(addBound(-10, 100)).toEqual({ op: '>=', value: -90 });
    expect(addBound(0, 100)).toBeUndefined();
  });
});
