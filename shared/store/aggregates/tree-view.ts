/**
 * Reading a prefix-count tree (./tree.ts writes and rebuilds it): `openTree` reads the K shard roots
 * in one BatchGet, rebuilds an incomplete tree from the caller's source first, and hands out a
 * `TreeView` that fetches only the nodes a question needs.
 */
import { Conflict } from '../../ledger/errors.js';
import { tableName } from '../client.js';
import { batchGet } from '../items.js';
import { keys } from '../keys.js';
import { type TransactItem, transact } from '../tx.js';
import { cumulative, mergeSlots, type NodeSlots, nodesFor, pathOf, pickSlot, slotsOf, sumSlots, type Totals } from './prefix-tree.js';
import { AGGREGATE, completeMark, type Entry, nodeKey, rebuild, type Series, shardList } from './tree.js';

/**
 * A read view of one tree: nodes are fetched on demand (all shards of a node in one BatchGet),
 * merged over the shards and kept. A view built from entries answers the same questions offline.
 */
export class TreeView {
  private readonly nodes = new Map<string, NodeSlots>();
  private roots: (Record<string, unknown> | undefined)[] = [];

  private constructor(
    readonly series: Series,
    private readonly offline: boolean,
  ) {}

  static async open(series: Series): Promise<TreeView> {
    const view = TreeView.blank(series);
    await view.load(['']);
    return view;
  }

  /** A view that has read nothing yet. */
  static blank(series: Series): TreeView {
    return new TreeView(series, false);
  }

  /** The tree `entries` make, in memory: what a rebuild would store. */
  static fromEntries(series: Series, entries: readonly Entry[]): TreeView {
    const view = new TreeView(series, true);
    for (const [node, slots] of nodesFor(entries, series.shape)) view.nodes.set(node, slots);
    return view;
  }

  /** Fetches the nodes not read yet (all their shards), in one round trip. */
  async load(nodes: readonly string[]): Promise<void> {
    await TreeView.loadAll([[this, nodes]]);
  }

  /** The nodes each view has not read yet, for several trees in one BatchGet (100 keys a call). */
  static async loadAll(requests: readonly (readonly [TreeView, readonly string[]])[]): Promise<void> {
    const wanted = requests.flatMap(([view, nodes]) => {
      if (view.offline) return [];
      const missing = [...new Set(nodes)].filter((node) => !view.nodes.has(node));
      return missing.map((node) => ({ view, node, keys: shardList(view.series).map((shard) => nodeKey(view.series, shard, node)) }));
    });
    if (wanted.length === 0) return;
    const items = await batchGet<Record<string, unknown>>(wanted.flatMap((w) => w.keys), true);
    let at = 0;
    for (const { view, node, keys: nodeKeys } of wanted) {
      const shards = items.slice(at, (at += nodeKeys.length));
      if (node === '') view.roots = shards;
      view.nodes.set(node, mergeSlots(shards.map(slotsOf)));
    }
  }

  /** The node's slots over all shards (a node not stored is empty). */
  slots(node: string): NodeSlots {
    return this.nodes.get(node) ?? {};
  }

  /** Whether every shard root says the tree is exact (an offline view is, by construction). */
  get complete(): boolean {
    return this.offline || (this.roots.length > 0 && this.roots.every((root) => root?.complete === completeMark(this.series)));
  }

  /** Totals of the whole series. */
  total(): Totals {
    return sumSlots(this.slots(''), undefined, false);
  }

  /** Totals of every key before `key` (inclusive: through `key`'s leaf bucket). */
  async cumulative(key: string, inclusive: boolean): Promise<Totals> {
    const path = pathOf(key, this.series.shape);
    await this.load(path.map((step) => step.node));
    return cumulative(new Map(path.map(({ node }) => [node, this.slots(node)])), key, this.series.shape, inclusive);
  }

  /**
   * The leaf bucket (key prefix) holding the item of ascending rank `rank` by `measure`, the number
   * of the bucket's items before it, and the bucket's count; undefined past the end.
   */
  async locate(rank: number, measure: string): Promise<{ bucket: string; within: number; count: number } | undefined> {
    let node = '';
    let left = rank;
    let count = 0;
    for (let level = 0; level < this.series.shape.cuts.length; level++) {
      await this.load([node]);
      const pick = pickSlot(this.slots(node), left, measure);
      if (!pick) return undefined;
      left -= pick.before;
      count = pick.count;
      node += pick.slot;
    }
    return { bucket: node, within: left, count };
  }
}

/**
 * Marks a series complete as it stands: right for a series every write of which went through
 * `addAt` (nothing written before the tree existed), whatever writers do meanwhile.
 */
export async function markComplete(series: Series): Promise<void> {
  await transact(
    shardList(series).map((shard) => {
      const update: TransactItem = {
        Update: {
          TableName: tableName(),
          Key: nodeKey(series, shard, ''),
          UpdateExpression: 'SET complete = :true, #type = :type, tenant = :tenant',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':true': completeMark(series), ':type': 'AGGREGATE', ':tenant': series.tenant },
        },
      };
      return [AGGREGATE, update] as const;
    }),
  );
}

/**
 * Views of several complete trees, their roots read in one BatchGet; each tree not complete yet is
 * completed as `openTree` does (one at a time: that happens once per tree).
 */
export async function openTrees(
  list: readonly { series: Series; complete: () => Promise<void>; fallback: () => Promise<Entry[]> }[],
): Promise<TreeView[]> {
  const views = list.map(({ series }) => TreeView.blank(series));
  await TreeView.loadAll(views.map((view) => [view, ['']] as const));
  return Promise.all(list.map(async (how, i) => (views[i]!.complete ? views[i]! : openTree(how.series, how))));
}

/**
 * A view of a complete tree. When the tree is not complete yet, `complete()` makes it so (a
 * rebuild, or markComplete) and the tree is read again; when that loses to concurrent writers,
 * `fallback()` answers from the source of truth in memory (exact, costs the history once).
 */
export async function openTree(
  series: Series,
  how: { complete: () => Promise<void>; fallback: () => Promise<Entry[]> },
): Promise<TreeView> {
  const view = await TreeView.open(series);
  if (view.complete) return view;
  try {
    await how.complete();
  } catch (error) {
    if (!(error instanceof Conflict)) throw error;
    return TreeView.fromEntries(series, await how.fallback());
  }
  return TreeView.open(series);
}
