/**
 * Watches every command the one DynamoDB client (`db()`, shared/store/client.ts) sends: counts them
 * (Scans above all) for the whole bench, and, inside `capture()`, records each command's name,
 * document-level input and output, so the bench can print what a request does, replay it, and count
 * the items it read.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TABLE } from '../../shared/store/table.js';

export interface RecordedCommand {
  /** Low-level operation name: GetItem, BatchGetItem, Query, TransactWriteItems… */
  name: string;
  input: Record<string, unknown>;
  output?: Record<string, unknown>;
  error?: string;
  ms: number;
}

export interface Capture<T> {
  result: T;
  commands: RecordedCommand[];
  /** Date.now() bounds of the capture, to tell ids minted during it (shared/ids.ts is time-based). */
  startedAt: number;
  endedAt: number;
}

export class Recorder {
  readonly counts = new Map<string, number>();
  private sink: RecordedCommand[] | undefined;
  private installed = false;

  get scans(): number {
    return this.counts.get('Scan') ?? 0;
  }

  get total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }

  install(client: DynamoDBDocumentClient): void {
    if (this.installed) return;
    this.installed = true;
    client.middlewareStack.add(
      // Initialize step: the input is the document-client input (before marshalling) and the
      // output comes back unmarshalled, exactly what the store code sees.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (next: any, context: any) => async (args: any) => {
        const name = String(context.commandName ?? 'Unknown').replace(/Command$/, '');
        this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
        const sink = this.sink;
        const input = sink ? (structuredClone(args.input) as Record<string, unknown>) : undefined;
        const started = performance.now();
        try {
          const result = await next(args);
          sink?.push({ name, input: input!, output: result.output as Record<string, unknown>, ms: performance.now() - started });
          return result;
        } catch (error) {
          sink?.push({ name, input: input!, error: (error as Error).name, ms: performance.now() - started });
          throw error;
        }
      },
      { step: 'initialize', name: 'cajaBenchRecorder' },
    );
  }

  /** Records the commands sent while `fn` runs (the bench runs one request at a time). */
  async capture<T>(fn: () => Promise<T>): Promise<Capture<T>> {
    if (this.sink) throw new Error('nested capture');
    const commands: RecordedCommand[] = [];
    this.sink = commands;
    const startedAt = Date.now();
    try {
      const result = await fn();
      return { result, commands, startedAt, endedAt: Date.now() };
    } finally {
      this.sink = undefined;
    }
  }
}

/** Indexes whose entries are not whole items: KEYS_ONLY (`pages`) and the search indexes projecting only the row. */
const KEYS_ONLY_INDEXES = new Set<string>(TABLE.indexes.filter((i) => i.projection !== 'ALL').map((i) => i.name));

export interface ItemsRead {
  /** Whole items read from the base table or an ALL-projected index (what reads are billed on). */
  full: number;
  /** Entries of KEYS_ONLY indexes (the `pages` index): a few bytes each. */
  keysOnly: number;
  /**
   * Maintained aggregates read for totals and page positions (SPEC §4: "totals come from maintained
   * counters"): the nodes of the store's aggregate trees (shared/store/aggregates), a few small
   * items per request whatever the history.
   */
  counters: number;
}

const isAggregateKey = (key: unknown) => typeof (key as { pk?: unknown })?.pk === 'string' && String((key as { pk: string }).pk).includes('#AGG#');

function isCounterRead(c: RecordedCommand): boolean {
  if (c.name !== 'BatchGetItem') return false;
  const requests = Object.values((c.input.RequestItems ?? {}) as Record<string, { Keys?: unknown[] }>);
  return requests.length > 0 && requests.every((r) => (r.Keys ?? []).length > 0 && (r.Keys ?? []).every(isAggregateKey));
}

/**
 * Items a request read, by DynamoDB's accounting: GetItem 1 per item found, BatchGet and
 * TransactGet 1 per item returned, Query/Scan every item evaluated (ScannedCount, before any filter;
 * a ProjectionExpression trims the answer, not what is read).
 */
export function itemsRead(commands: readonly RecordedCommand[]): ItemsRead {
  const read: ItemsRead = { full: 0, keysOnly: 0, counters: 0 };
  for (const c of commands) {
    const out = c.output;
    if (!out) continue;
    if (isCounterRead(c)) {
      for (const items of Object.values((out.Responses ?? {}) as Record<string, unknown[]>)) read.counters += items.length;
      continue;
    }
    switch (c.name) {
      case 'GetItem':
        if (out.Item) read.full += 1;
        break;
      case 'BatchGetItem':
        for (const items of Object.values((out.Responses ?? {}) as Record<string, unknown[]>)) read.full += items.length;
        break;
      case 'TransactGetItems':
        read.full += ((out.Responses ?? []) as { Item?: unknown }[]).filter((r) => r.Item).length;
        break;
      case 'Query':
      case 'Scan': {
        const n = Number(out.ScannedCount ?? out.Count ?? (out.Items as unknown[] | undefined)?.length ?? 0);
        const index = c.input.IndexName as string | undefined;
        if (index && KEYS_ONLY_INDEXES.has(index)) read.keysOnly += n;
        else read.full += n;
        break;
      }
      default:
        break;
    }
  }
  return read;
}
