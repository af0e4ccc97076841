/**
 * Prefix-count trees in DynamoDB (the pure half is ./prefix-tree.ts). One item per node and shard,
 * each in its own partition: `T#t#AGG#{series}#{shard}#R{node}` / `AGG` (shared/store/keys.ts).
 *
 * - Writes: `addAt` returns one Update per level (depth items, ADD only, so concurrent writers never
 *   lose an update) for the caller to append to the transaction of the change itself. Each ADD is
 *   conditional on the slot staying an exact integer (|total| <= limit): the items are named
 *   AGGREGATE, so a refused total shows as `ConditionFailed.on(AGGREGATE)` (the seam for a 422).
 * - Reads (./tree-view.ts): `openTree` reads the K shard roots (one BatchGet) and then only the nodes a question
 *   needs: a cumulative total reads depth nodes x K shards, a rank lookup the same.
 * - Completeness: a tree is trusted once its roots say `complete`; until then (data written before
 *   the tree existed, or a brand-new series) `openTree` rebuilds it from the caller's source of
 *   truth first. Every write ADDs the root's `rev`, so a rebuild that raced a write fails its
 *   condition and runs again on fresh data.
 */
import { Conflict } from '../../ledger/errors.js';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../client.js';
import { batchGet } from '../items.js';
import { keys } from '../keys.js';
import { ConditionFailed, type TransactItem, transact, type TxItems } from '../tx.js';
import {
  addBound,
  atLevel,
  levelOf,
  type NodeSlots,
  nodesFor,
  pathOf,
  shardOf,
  slotAttribute,
  slotAttributes,
  slotsOf,
  type Totals,
  type TreeShape,
  zeroSlots,
} from './prefix-tree.js';

export interface Series {
  tenant: string;
  /** Unique within the tenant, no `#`: `ACCT_DAYS_{entity}`, `WO_ACTIVE`. */
  name: string;
  shape: TreeShape;
  /** The measures every entry has (one letter each). */
  measures: readonly string[];
  /** Writers spread over this many roots (hot tenant-wide series); readers read them all. */
  shards: number;
  /** Largest |total| a slot may reach (default 2^53 - 1: exact in a JS number). */
  limit?: number;
  /**
   * The measures a node of a closed level is stored with from its first write (default: all). A
   * series with many measures prefills a few: an update expression holds at most 4 KB.
   */
  prefilled?: readonly string[];
  /**
   * Bumped when the measures change: a tree completed under an older version lacks the new ones
   * and is rebuilt from the source of truth on first read (the backfill). Default 1.
   */
  version?: number;
}

/** What a complete root's `complete` attribute holds: `true` for version 1 (as stored before versions), else the version. */
export const completeMark = (series: Pick<Series, 'version'>): true | number => (series.version ?? 1) === 1 ? true : series.version!;
const prefilled = (series: Series) => series.prefilled ?? series.measures;

/** Name of every aggregate item in a transaction (see ConditionFailed.on). */
export const AGGREGATE = 'aggregate';
export const TOTAL_LIMIT = Number.MAX_SAFE_INTEGER;

export type Entry = { key: string; totals: Totals };
/** The series' source of truth, read in full (consistently) to rebuild it. */
export type Source = () => Promise<Entry[]>;

export const nodeKey = (s: Series, shard: number, node: string) => keys.aggregate(s.tenant, s.name, shard, node);
export const shardList = (s: Series) => Array.from({ length: s.shards }, (_, i) => i);

/** What one Update adds to one node: slot attribute → delta (kept per item, so a transaction's duplicates can be merged). */
type NodeAdds = { series: Series; shard: number; node: string; adds: Map<string, number> };
const nodeAdds = new WeakMap<TransactItem, NodeAdds>();

/** The Update adding `adds` (slot attribute → delta) to one node, each slot bounded to stay exact. */
function nodeUpdate(series: Series, shard: number, node: string, adds: ReadonlyMap<string, number>): TransactItem {
  const limit = series.limit ?? TOTAL_LIMIT;
  const names: Record<string, string> = { '#type': 'type' };
  const values: Record<string, unknown> = { ':type': 'AGGREGATE', ':tenant': series.tenant };
  const added: string[] = [];
  const bounds: string[] = [];
  [...adds].forEach(([attribute, delta], i) => {
    names[`#a${i}`] = attribute;
    values[`:d${i}`] = delta;
    added.push(`#a${i} :d${i}`);
    const bound = addBound(delta, limit);
    if (bound) {
      values[`:b${i}`] = bound.value;
      bounds.push(`(attribute_not_exists(#a${i}) OR #a${i} ${bound.op} :b${i})`);
    }
  });
  const sets = ['#type = :type', 'tenant = :tenant'];
  if (node === '') {
    added.push('rev :one');
    values[':one'] = 1;
  }
  // A node of a closed level is stored whole from its first write: its other slots start at 0.
  const zeros = Object.keys(slotAttributes(zeroSlots(series.shape, levelOf(node, series.shape), prefilled(series)))).filter((name) => !adds.has(name));
  zeros.forEach((name, i) => {
    names[`#z${i}`] = name;
    sets.push(`#z${i} = if_not_exists(#z${i}, :zero)`);
  });
  if (zeros.length > 0) values[':zero'] = 0;
  const item: TransactItem = {
    Update: {
      TableName: tableName(),
      Key: nodeKey(series, shard, node),
      UpdateExpression: `ADD ${added.join(', ')} SET ${sets.join(', ')}`,
      ...(bounds.length > 0 ? { ConditionExpression: bounds.join(' AND ') } : {}),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
  nodeAdds.set(item, { series, shard, node, adds: new Map(adds) });
  return item;
}

/** The transaction items that add `deltas` to `key` at every level of the tree (none when all are 0). */
export function addAt(series: Series, key: string, deltas: Totals): TxItems {
  return addAtKeys(series, [{ key, totals: deltas }]);
}

/**
 * The transaction items that add each change's totals at its key, merged into one Update per node
 * and shard (a transaction may touch an item once: an entry moving from one key to another changes
 * the nodes their paths share in a single ADD). Any change ADDs its shard root's `rev` (what a
 * concurrent rebuild checks), even when the root's own slots net to 0 or it keeps none of the
 * measures changed (shape.upper).
 */
export function addAtKeys(series: Series, changes: readonly Entry[]): TxItems {
  const nodes = new Map<string, { shard: number; node: string; adds: Map<string, number> }>();
  for (const { key, totals } of changes) {
    const shard = shardOf(key, series.shards);
    pathOf(key, series.shape).forEach(({ node, slot }, level) => {
      const id = `${shard}|${node}`;
      const entry = nodes.get(id) ?? { shard, node, adds: new Map<string, number>() };
      nodes.set(id, entry);
      for (const [measure, delta] of Object.entries(atLevel(totals, series.shape, level))) {
        const attribute = slotAttribute(measure, slot);
        entry.adds.set(attribute, (entry.adds.get(attribute) ?? 0) + delta);
      }
    });
  }
  for (const entry of nodes.values()) for (const [attribute, delta] of entry.adds) if (delta === 0) entry.adds.delete(attribute);
  const touched = new Set([...nodes.values()].filter((n) => n.adds.size > 0).map((n) => n.shard));
  return [...nodes.values()]
    .filter(({ shard, node, adds }) => adds.size > 0 || (node === '' && touched.has(shard)))
    .map(({ shard, node, adds }) => [AGGREGATE, nodeUpdate(series, shard, node, adds)] as const);
}

/**
 * One transaction may touch an item once: aggregate Updates of several changes that reach the same
 * node (several payments of one receipt on the same day) become one Update adding their deltas.
 * Other items pass through in order.
 */
export function coalesceAggregates(items: TxItems): TxItems {
  const merged = new Map<string, { at: number; adds: NodeAdds }>();
  const out: (readonly [string, TransactItem] | undefined)[] = [];
  for (const [name, item] of items) {
    const adds = nodeAdds.get(item);
    if (!adds) {
      out.push([name, item]);
      continue;
    }
    const key = JSON.stringify(nodeKey(adds.series, adds.shard, adds.node));
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, { at: out.length, adds: { ...adds, adds: new Map(adds.adds) } });
      out.push(undefined);
      continue;
    }
    for (const [attribute, delta] of adds.adds) seen.adds.adds.set(attribute, (seen.adds.adds.get(attribute) ?? 0) + delta);
  }
  for (const { at, adds } of merged.values()) {
    const nonZero = new Map([...adds.adds].filter(([, delta]) => delta !== 0));
    // All deltas cancelled: the root still moves its rev (a racing rebuild must notice), others drop out.
    if (nonZero.size > 0 || adds.node === '') out[at] = [AGGREGATE, nodeUpdate(adds.series, adds.shard, adds.node, nonZero)];
  }
  return out.filter((entry): entry is readonly [string, TransactItem] => entry !== undefined);
}

/** Every node of a tree holding exactly `entries`, by shard, with its slots (closed levels filled). */
function treeNodes(series: Series, entries: readonly Entry[]): { shard: number; node: string; slots: NodeSlots }[] {
  const byShard = new Map<number, Entry[]>(shardList(series).map((shard) => [shard, []]));
  for (const entry of entries) byShard.get(shardOf(entry.key, series.shards))!.push(entry);
  return [...byShard].flatMap(([shard, shardEntries]) => {
    const tree = nodesFor(shardEntries, series.shape);
    if (!tree.has('')) tree.set('', {});
    return [...tree].map(([node, slots]) => ({
      shard,
      node,
      slots: { ...zeroSlots(series.shape, levelOf(node, series.shape), prefilled(series)), ...slots },
    }));
  });
}

function nodeItem(series: Series, shard: number, node: string, slots: NodeSlots): Record<string, unknown> {
  return { ...nodeKey(series, shard, node), type: 'AGGREGATE', tenant: series.tenant, ...slotAttributes(slots) };
}

/** Every node item of a tree holding exactly `entries` (a bulk load): roots apart, with `rootExtras`. */
export function treeItems(series: Series, entries: readonly Entry[], rootExtras: (shard: number) => Record<string, unknown>) {
  const all = treeNodes(series, entries);
  return {
    nodes: all.filter((n) => n.node !== '').map((n) => nodeItem(series, n.shard, n.node, n.slots)),
    roots: all.filter((n) => n.node === '').map((n) => ({ ...nodeItem(series, n.shard, '', n.slots), ...rootExtras(n.shard) })),
  };
}

const sameSlots = (a: NodeSlots, b: NodeSlots) => {
  const [x, y] = [slotAttributes(a), slotAttributes(b)];
  return Object.keys(x).length === Object.keys(y).length && Object.entries(x).every(([name, value]) => y[name] === value);
};

/** A rebuild lost to a writer: a root's `rev` moved, or a transaction touched the roots at the same time. */
const raced = (error: unknown) =>
  error instanceof ConditionFailed || (error as { name?: string }).name === 'TransactionCanceledException';

/** Node items by "shard|node" (consistent reads: a statement read right after its payment sees it). */
async function getNodes(series: Series, wanted: readonly { shard: number; node: string }[]): Promise<Map<string, Record<string, unknown>>> {
  const items = await batchGet<Record<string, unknown>>(wanted.map(({ shard, node }) => nodeKey(series, shard, node)), true);
  const found = new Map<string, Record<string, unknown>>();
  wanted.forEach(({ shard, node }, i) => {
    const item = items[i];
    if (item) found.set(`${shard}|${node}`, item);
  });
  return found;
}

const REBUILD_ATTEMPTS = 3;
const PUTS_IN_FLIGHT = 8;

/** Node items, one PutItem each, a few in flight (a request path may not BatchWrite: store/permissions.ts). */
async function putNodes(items: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += PUTS_IN_FLIGHT) {
    await Promise.all(items.slice(i, i + PUTS_IN_FLIGHT).map((Item) => db().send(new PutCommand({ TableName: tableName(), Item }))));
  }
}

/**
 * Rebuilds a series from its source of truth: every node the source covers is rewritten, then the
 * shard roots are replaced, marked complete, in one transaction conditional on no write having
 * touched the tree meanwhile (the roots' `rev`). Safe to run concurrently with writers and with
 * other rebuilds; meant for series with data from before the tree (readers call it `on-read`:
 * one attempt, and no transaction once a writer moved; they answer from the source then), or as a
 * backfill.
 */
export async function rebuild(series: Series, source: Source, mode: 'backfill' | 'on-read' = 'backfill'): Promise<void> {
  const attempts = mode === 'backfill' ? REBUILD_ATTEMPTS : 1;
  for (let attempt = 1; ; attempt++) {
    const before = await getNodes(series, shardList(series).map((shard) => ({ shard, node: '' })));
    const entries = await source();
    const wanted = treeNodes(series, entries);
    // Rewrite only what differs: a tree kept by ADDs since its first write already matches.
    const stored = await getNodes(series, wanted.filter((n) => n.node !== ''));
    const changed = wanted.filter((n) => n.node !== '' && !sameSlots(slotsOf(stored.get(`${n.shard}|${n.node}`)), n.slots));
    await putNodes(changed.map((n) => nodeItem(series, n.shard, n.node, n.slots)));
    // Writers moved meanwhile: do not race them with a transaction on the roots they write.
    const now = await getNodes(series, shardList(series).map((shard) => ({ shard, node: '' })));
    const moved = shardList(series).some((shard) => now.get(`${shard}|`)?.rev !== before.get(`${shard}|`)?.rev);
    const roots = wanted.filter((n) => n.node === '').map(({ shard, slots }): readonly [string, TransactItem] => {
      const rev = before.get(`${shard}|`)?.rev;
      const Item = { ...nodeItem(series, shard, '', slots), complete: completeMark(series), rev: (typeof rev === 'number' ? rev : 0) + 1 };
      const condition = typeof rev === 'number' ? { ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': rev } } : { ConditionExpression: 'attribute_not_exists(rev)' };
      return [AGGREGATE, { Put: { TableName: tableName(), Item, ...condition } }];
    });
    try {
      if (moved) throw new ConditionFailed([AGGREGATE]);
      await transact(roots, 1);
      return;
    } catch (error) {
      if (!raced(error)) throw error;
      if (attempt >= attempts) throw new Conflict('Totals are being rebuilt; retry');
    }
  }
}
