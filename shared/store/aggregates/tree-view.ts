/**
 * Reading a prefix-count tree (./tree.ts writes and rebuilds it): `openTree` reads the K shard roots
 * in one BatchGet, rebuilds an incomplete tree from the caller's source first, and hands out a
 * `TreeView` that fetches only the nodes a question needs.
 */
import { Conflict } from '../../ledger/errors.js';
import { tableName } from '../client.js';
import { batchGet } from '../items.js';
import { type TransactItem, transact } from '../tx.js';
import { cumulative, levelOf, mergeSlots, type NodeSlots, nodesFor, pathOf, pickSlot, slotAttribute, slotsOf, sumSlots, type Totals } from './prefix-tree.js';
import { AGGREGATE, completeMark, type Entry, nodeKey, type Series, shardList } from './tree.js';

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
    /**
     * The only measures this view reads from nodes of closed levels (shape.domains: their
     * attribute names are known, so a read can project them): a question that needs one figure per
     * day reads the month node's 31 values of it, not every figure of the month.
     */
    private readonly measures?: readonly string[],
  ) {}

  static async open(series: Series, measures?: readonly string[]): Promise<TreeView> {
    const view = TreeView.blank(series, measures);
    await view.load(['']);
    return view;
  }

  /** A view that has read nothing yet. */
  static blank(series: Series, measures?: readonly string[]): TreeView {
    return new TreeView(series, false, measures);
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

  /** The attributes a read of `node` asks for: every one, or this view's measures in every slot of the closed levels. */
  private attributesOf(node: string): string[] | undefined {
    const { shape } = this.series;
    if (this.measures === undefined || !shape.domains?.[levelOf(node, shape)]) return undefined;
    const slots = [...new Set(shape.domains.flatMap((domain) => domain ?? []))];
    return this.measures.flatMap((measure) => slots.map((slot) => slotAttribute(measure, slot)));
  }

  /** The nodes each view has not read yet, for several trees: one BatchGet (100 keys a call) per projection. */
  static async loadAll(requests: readonly (readonly [TreeView, readonly string[]])[]): Promise<void> {
    const byProjection = new Map<string, { attributes: string[] | undefined; wanted: { view: TreeView; node: string; keys: ReturnType<typeof nodeKey>[] }[] }>();
    for (const [view, nodes] of requests) {
      if (view.offline) continue;
      for (const node of new Set(nodes)) {
        if (view.nodes.has(node)) continue;
        const attributes = view.attributesOf(node);
        const group = byProjection.get(String(attributes)) ?? { attributes, wanted: [] };
        byProjection.set(String(attributes), group);
        group.wanted.push({ view, node, keys: shardList(view.series).map((shard) => nodeKey(view.series, shard, node)) });
      }
    }
    await Promise.all(
      [...byProjection.values()].map(async ({ attributes, wanted }) => {
        const items = await batchGet<Record<string, unknown>>(wanted.flatMap((w) => w.keys), true, attributes);
        let at = 0;
        for (const { view, node, keys: nodeKeys } of wanted) {
          const shards = items.slice(at, (at += nodeKeys.length));
          if (node === '') view.roots = shards;
          view.nodes.set(node, mergeSlots(shards.map(slotsOf)));
        }
      }),
    );
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
 * `measures`: the view reads only those (TreeView's constructor).
 */
export async function openTree(
  series: Series,
  how: { complete: () => Promise<void>; fallback: () => Promise<Entry[]> },
  measures?: readonly string[],
): Promise<TreeView> {
  const view = await TreeView.open(series, measures);
  if (view.complete) return view;
  try {
    await how.complete();
  } catch (error) {
    if (!(error instanceof Conflict)) throw error;
    return TreeView.fromEntries(series, await how.fallback());
  }
  return TreeView.open(series, measures);
}
