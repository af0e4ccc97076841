/**
 * Prefix-count trees, the pure half: running totals over a sorted space of digit-string keys
 * (a day `20240315`, a payment id), kept as a short fixed-depth tree of small items.
 *
 * `cuts` split a key into levels: with cuts [4, 6, 8] the day `20240315` lives under the root, in
 * node `2024` (slot `03`) and node `202403` (slot `15`); the root's slot `2024` holds the year.
 * A node stores, for each of its slots, the totals of every key under `node + slot`: so one node
 * per level answers "the totals of everything before key K" (the slots before K's slot at each
 * level), and the same nodes say which leaf bucket holds the Nth key (descend by running counts).
 * Keys compare as strings, exactly like DynamoDB sort keys, so a tree cut on an index's sort key
 * agrees with that index's order whatever the keys' lengths.
 */

/** Totals by measure (one letter each: `n` net amount, `c` count…), integers. */
export type Totals = Record<string, number>;
/** A node's slots: slot (digits) → its totals. */
export type NodeSlots = Record<string, Totals>;

export interface TreeShape {
  /** Increasing character positions cutting a key into levels; the last one is the leaf bucket's length. */
  cuts: readonly number[];
  /**
   * Per level (root first), every slot a node of that level can have, when it is a small fixed
   * set (the 12 months of a year node, the 31 days of a month node): such nodes are stored with
   * all their slots from their first write, so their size (and a read's cost) does not drift.
   */
  domains?: readonly (readonly string[] | undefined)[];
  /**
   * The measures kept above the leaf level (default: every one). A measure only the leaf buckets are
   * read for (a day's sales, for its month) would otherwise grow every upper node by a slot a year
   * for nothing: the root's size would follow the history.
   */
  upper?: readonly string[];
}

export interface NodeSlot {
  /** The node's id: the key prefix it covers ('' for the root). */
  node: string;
  /** The child slot of the key in that node. */
  slot: string;
}

const DIGITS = /^[0-9]+$/;

/** The node and slot a key touches at each level, root first. */
export function pathOf(key: string, shape: TreeShape): NodeSlot[] {
  const last = shape.cuts[shape.cuts.length - 1] ?? 0;
  if (!DIGITS.test(key) || key.length < last) throw new RangeError(`aggregate key must be at least ${last} digits: ${key}`);
  let start = 0;
  return shape.cuts.map((cut) => {
    const step = { node: key.slice(0, start), slot: key.slice(start, cut) };
    start = cut;
    return step;
  });
}

/** The level of a node (0 for the root): where its id ends among the cuts. */
export function levelOf(node: string, shape: TreeShape): number {
  return node === '' ? 0 : shape.cuts.indexOf(node.length) + 1;
}

/** Whether nodes of `level` keep `measure`: the leaf level keeps every one, the others `shape.upper`. */
export const keeps = (shape: TreeShape, level: number, measure: string) =>
  level === shape.cuts.length - 1 || shape.upper === undefined || shape.upper.includes(measure);

/** The part of `totals` a node of `level` keeps. */
export function atLevel(totals: Totals, shape: TreeShape, level: number): Totals {
  return Object.fromEntries(Object.entries(totals).filter(([measure]) => keeps(shape, level, measure)));
}

/** The zero slots a node of `level` is stored with from its first write (none when its domain is open). */
export function zeroSlots(shape: TreeShape, level: number, measures: readonly string[]): NodeSlots {
  const slots: NodeSlots = {};
  const kept = measures.filter((m) => keeps(shape, level, m));
  for (const slot of shape.domains?.[level] ?? []) slots[slot] = Object.fromEntries(kept.map((m) => [m, 0]));
  return slots;
}

/** Zero-padded numbers from `from` to `to`: a level's domain (`range(1, 12, 2)` → 01…12). */
export const range = (from: number, to: number, width: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(width, '0'));

/** The leaf bucket of a key: its prefix up to the last cut. */
export const bucketOf = (key: string, shape: TreeShape) => key.slice(0, shape.cuts[shape.cuts.length - 1] ?? 0);

export function addTotals(into: Totals, more: Totals, sign = 1): Totals {
  for (const [measure, value] of Object.entries(more)) into[measure] = (into[measure] ?? 0) + sign * value;
  return into;
}

/** Sum of the node's slots strictly before `slot` (or up to and including it). */
export function sumSlots(node: NodeSlots, slot: string | undefined, inclusive: boolean): Totals {
  const sum: Totals = {};
  for (const [name, totals] of Object.entries(node)) {
    if (slot === undefined || name < slot || (inclusive && name === slot)) addTotals(sum, totals);
  }
  return sum;
}

/**
 * Totals of every key before `key` (inclusive: up to and including every key of `key`'s leaf
 * bucket… through `key` itself when it is a full bucket key), from the nodes on its path.
 */
export function cumulative(nodes: ReadonlyMap<string, NodeSlots>, key: string, shape: TreeShape, inclusive: boolean): Totals {
  const sum: Totals = {};
  const path = pathOf(key, shape);
  path.forEach(({ node, slot }, level) => {
    addTotals(sum, sumSlots(nodes.get(node) ?? {}, slot, inclusive && level === path.length - 1));
  });
  return sum;
}

/** Slots of several shards of one node, added up. */
export function mergeSlots(shards: readonly NodeSlots[]): NodeSlots {
  const merged: NodeSlots = {};
  for (const shard of shards) {
    for (const [slot, totals] of Object.entries(shard)) merged[slot] = addTotals(merged[slot] ?? {}, totals);
  }
  return merged;
}

/**
 * The slot holding the item of (0-based, ascending) rank `rank` by the counts of `measure`, and how
 * many items come before that slot in the node. Undefined when the node holds `rank` items or fewer.
 */
export function pickSlot(node: NodeSlots, rank: number, measure: string): { slot: string; before: number; count: number } | undefined {
  let before = 0;
  for (const slot of Object.keys(node).sort()) {
    const count = node[slot]?.[measure] ?? 0;
    if (count <= 0) continue;
    if (rank < before + count) return { slot, before, count };
    before += count;
  }
  return undefined;
}

/** Every node's slots for a set of keyed totals: what the tree holds when nothing was missed. */
export function nodesFor(entries: Iterable<{ key: string; totals: Totals }>, shape: TreeShape): Map<string, NodeSlots> {
  const nodes = new Map<string, NodeSlots>();
  for (const { key, totals } of entries) {
    pathOf(key, shape).forEach(({ node, slot }, level) => {
      const kept = atLevel(totals, shape, level);
      const slots = nodes.get(node) ?? {};
      if (Object.keys(kept).length > 0) slots[slot] = addTotals(slots[slot] ?? {}, kept);
      nodes.set(node, slots);
    });
  }
  return nodes;
}

/** Shard of a key: spread by its last digits (ids end in a per-process sequence), stable for a key. */
export function shardOf(key: string, shards: number): number {
  return shards <= 1 ? 0 : Number(key.slice(-6)) % shards;
}

/**
 * The bound a slot must stay within after an ADD of `delta` (totals are exact integers only below
 * 2^53): the value the slot may hold before the ADD, as a condition operand, or undefined for 0.
 */
export function addBound(delta: number, limit: number): { op: '<=' | '>='; value: number } | undefined {
  if (delta > 0) return { op: '<=', value: limit - delta };
  if (delta < 0) return { op: '>=', value: -limit - delta };
  return undefined;
}

/** Attribute names of a node item: measure letter + slot digits (`n2024`, `c03`). */
export const slotAttribute = (measure: string, slot: string) => `${measure}${slot}`;
const SLOT_ATTRIBUTE = /^([a-z])([0-9]+)$/;

/** A node item's slots, read back from its attributes (other attributes are ignored). */
export function slotsOf(item: Record<string, unknown> | undefined): NodeSlots {
  const slots: NodeSlots = {};
  for (const [name, value] of Object.entries(item ?? {})) {
    const match = SLOT_ATTRIBUTE.exec(name);
    if (!match || typeof value !== 'number') continue;
    const [, measure, slot] = match as unknown as [string, string, string];
    (slots[slot] ??= {})[measure] = value;
  }
  return slots;
}

/** A node's slots as item attributes (the inverse of slotsOf). */
export function slotAttributes(slots: NodeSlots): Record<string, number> {
  const attributes: Record<string, number> = {};
  for (const [slot, totals] of Object.entries(slots)) {
    for (const [measure, value] of Object.entries(totals)) attributes[slotAttribute(measure, slot)] = value;
  }
  return attributes;
}
