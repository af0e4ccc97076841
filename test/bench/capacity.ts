/**
 * Budget 5 of SPEC §6: write capacity per payment create. The creating transaction asks DynamoDB
 * for ReturnConsumedCapacity=TOTAL (shared/store/tx.ts); the recorder sees what DynamoDB Local
 * answered, and the bench computes, by DynamoDB's rules, what every write of the request consumes
 * and what the one transaction needs:
 * - table: 2 write units per transactional item per started KB of the larger of the item before and
 *   after (1 per KB for a write outside a transaction);
 * - global secondary indexes: an ordinary write per index entry written (1 per started KB of the
 *   projected entry; a changed index key is a delete plus a put).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../shared/store/client.js';
import { TABLE } from '../../shared/store/table.js';
import { expectStatus, type HttpAnswer } from './http.js';
import { itemSize, writeUnits } from './item-size.js';
import type { Capture, RecordedCommand } from './recorder.js';
import { describe, shape } from './replay.js';
import type { AccountsTenant, BenchContext, WorkordersTenant } from './setup.js';
import type { BudgetResult } from './stats.js';

type Key = { pk: string; sk: string };
type Item = Record<string, unknown>;
const keyString = (k: Key) => `${k.pk}|${k.sk}`;

interface WriteOp {
  /** Inside the TransactWriteItems, or a separate call. */
  transactional: boolean;
  op: 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
  key: Key;
  /** The new item of a Put. */
  item?: Item;
}

function writesOf(commands: readonly RecordedCommand[]): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const c of commands) {
    const i = c.input;
    if (c.name === 'TransactWriteItems') {
      for (const entry of (i.TransactItems ?? []) as Record<string, Item>[]) {
        const [op, body] = Object.entries(entry)[0]! as [WriteOp['op'], Item];
        const item = body.Item as Item | undefined;
        ops.push({ transactional: true, op, key: (op === 'Put' ? { pk: item!.pk, sk: item!.sk } : body.Key) as Key, ...(item ? { item } : {}) });
      }
    } else if (c.name === 'PutItem') {
      const item = i.Item as Item;
      ops.push({ transactional: false, op: 'Put', key: { pk: item.pk, sk: item.sk } as Key, item });
    } else if (c.name === 'UpdateItem' || c.name === 'DeleteItem') {
      ops.push({ transactional: false, op: c.name === 'UpdateItem' ? 'Update' : 'Delete', key: i.Key as Key });
    }
  }
  return ops;
}

async function itemNow(key: Key): Promise<Item | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return Item;
}

/** Write units the secondary indexes consume when an item goes from `before` to `after`. */
function indexUnits(before: Item | undefined, after: Item | undefined): { units: number; parts: string[] } {
  let units = 0;
  const parts: string[] = [];
  for (const index of TABLE.indexes) {
    const keyed = (item: Item | undefined) => item !== undefined && item[index.partitionKey] !== undefined && item[index.sortKey] !== undefined;
    const entry = (item: Item) =>
      index.projection === 'ALL'
        ? itemSize(item)
        : itemSize(
            Object.fromEntries(
              [TABLE.partitionKey, TABLE.sortKey, index.partitionKey, index.sortKey, ...(typeof index.projection === 'object' ? index.projection.include : [])].map((a) => [a, item[a]]),
            ),
          );
    const projected = (item: Item) =>
      index.projection === 'ALL' ? item : typeof index.projection === 'object' ? index.projection.include.map((a) => item[a]) : [];
    const had = keyed(before);
    const has = keyed(after);
    let u = 0;
    if (had && has) {
      const moved = before![index.partitionKey] !== after![index.partitionKey] || before![index.sortKey] !== after![index.sortKey];
      if (moved) u = writeUnits(entry(before!)) + writeUnits(entry(after!));
      else if (index.projection !== 'KEYS_ONLY' && JSON.stringify(projected(before!)) !== JSON.stringify(projected(after!))) u = writeUnits(Math.max(entry(before!), entry(after!)));
    } else if (has) u = writeUnits(entry(after!));
    else if (had) u = writeUnits(entry(before!));
    if (u) {
      units += u;
      parts.push(`${index.name} ${u}`);
    }
  }
  return { units, parts };
}

/** What the logger printed while `fn` ran (handlers log JSON lines to stdout). */
async function withLogs<T>(fn: () => Promise<T>): Promise<{ value: T; lines: Item[] }> {
  const lines: Item[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const level = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'info'; // read when each request's logger is made
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    for (const line of text.split('\n')) {
      try {
        if (line.trim()) lines.push(JSON.parse(line) as Item);
        continue;
      } catch {
        // not a log line
      }
      if (line) write(`${line}\n`);
    }
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof process.stdout.write;
  try {
    return { value: await fn(), lines };
  } finally {
    process.stdout.write = write;
    if (level === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = level;
  }
}

interface CreateCase {
  label: string;
  tenant: string;
  send: () => Promise<HttpAnswer>;
}

interface Measured {
  row: (string | number)[];
  failed: boolean;
  listing: string;
}

async function measure(c: CreateCase, ctx: BenchContext): Promise<Measured> {
  // A first create of the same shape tells which existing items a create updates: read them as
  // they are right before the measured create.
  const probe = await ctx.recorder.capture(c.send);
  expectStatus(probe.result, 201, c.label);
  const before = new Map<string, Item | undefined>();
  for (const w of writesOf(probe.commands)) if (w.op !== 'Put') before.set(keyString(w.key), await itemNow(w.key));

  const { value: capture, lines } = await withLogs(() => ctx.recorder.capture(c.send));
  expectStatus(capture.result, 201, c.label);
  return account(c, capture, before, lines);
}

async function account(c: CreateCase, capture: Capture<HttpAnswer>, before: Map<string, Item | undefined>, lines: Item[]): Promise<Measured> {
  const writes = writesOf(capture.commands);
  const tx = { table: 0, index: 0 };
  const outside = { table: 0, index: 0 };
  const txParts: string[] = [];
  const outsideParts: string[] = [];
  // Items as they are before each write (a Put inside the transaction is the "before" of a later
  // update of the same key outside it). A Put of an unseen key creates a new item: every Put of a
  // create is conditioned on attribute_not_exists.
  const known = new Map(before);
  for (const w of writes) {
    const k = keyString(w.key);
    const was = known.get(k);
    const after = w.op === 'Put' ? w.item : w.op === 'Delete' ? undefined : await itemNow(w.key);
    const size = Math.max(itemSize(was), itemSize(after));
    const table = (w.transactional ? 2 : 1) * writeUnits(size);
    const index = w.op === 'ConditionCheck' ? { units: 0, parts: [] } : indexUnits(was, after);
    const part = `${w.op} ${shape(w.key.pk, c.tenant).replace(/^T#\{t\}#/, '')} ${size} B = ${table}${index.units ? ` + ${index.parts.join(' + ')}` : ''}`;
    const bucket = w.transactional ? tx : outside;
    bucket.table += table;
    bucket.index += index.units;
    (w.transactional ? txParts : outsideParts).push(part);
    known.set(k, after);
  }
  const txCommands = capture.commands.filter((cmd) => cmd.name === 'TransactWriteItems');
  const reportedValues = txCommands.map((cmd) => cmd.output?.ConsumedCapacity as { CapacityUnits?: number }[] | undefined);
  const reported = reportedValues.every((v) => v === undefined)
    ? undefined
    : reportedValues.reduce((sum, v) => sum + (v ?? []).reduce((s, x) => s + (x.CapacityUnits ?? 0), 0), 0);
  const logged = lines.map((l) => l.consumedWriteCapacity).filter((v): v is number => typeof v === 'number');
  const txNeeds = tx.table + tx.index;
  const total = txNeeds + outside.table + outside.index;
  const ok = total <= txNeeds && txCommands.length === 1;
  const abstract = (text: string) => text.replace(/bench-(wo|acct)-[a-z0-9]+-\d+/g, '{key}');
  return {
    row: [
      c.label,
      writes.filter((w) => w.transactional).length,
      `${txNeeds} (${tx.table} + ${tx.index})`,
      reported === undefined ? 'not reported' : String(reported),
      outside.table + outside.index ? `${outside.table + outside.index} (${abstract(outsideParts.join('; '))})` : '0',
      total,
      logged.length ? logged.join(', ') : 'not logged',
      ok ? 'PASS' : 'FAIL',
    ],
    failed: !ok,
    listing: abstract(
      `${c.label}: transaction ${txParts.join(', ')}${outsideParts.length ? `; outside it: ${outsideParts.join(', ')}` : ''}\n` +
        capture.commands.map((cmd, i) => `   ${i + 1}. ${describe(cmd, c.tenant)}`).join('\n'),
    ),
  };
}

export async function capacityBudget(
  ctx: BenchContext,
  wo: WorkordersTenant,
  acct: AccountsTenant | undefined,
): Promise<{ result: BudgetResult; listings: string[] }> {
  let n = 0;
  const key = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++n}`;
  const cases: CreateCase[] = [
    { label: 'POST /api/pagos', tenant: wo.tenant, send: () => ctx.http.send('POST', '/api/pagos', { token: wo.token, body: wo.body() }) },
    {
      label: 'POST /api/pagos + Idempotency-Key',
      tenant: wo.tenant,
      send: () => ctx.http.send('POST', '/api/pagos', { token: wo.token, body: wo.body(), headers: { 'Idempotency-Key': key('bench-wo') } }),
    },
  ];
  if (acct) {
    const date = acct.days.at(-1)!;
    cases.push(
      {
        label: 'POST /api/v1/accounts/payment',
        tenant: acct.tenant,
        send: () => ctx.http.send('POST', '/api/v1/accounts/payment', { token: acct.token, body: acct.body({ date, time: '20:00' }) }),
      },
      {
        // The vendedor's days start 2024-06-01: a day of May has no statement item yet.
        label: 'POST /api/v1/accounts/payment, first of its day',
        tenant: acct.tenant,
        send: () => ctx.http.send('POST', '/api/v1/accounts/payment', { token: acct.token, body: acct.body({ date: '2024-05-15', time: '10:00' }) }),
      },
      {
        label: 'POST /api/v1/accounts/payment + Idempotency-Key',
        tenant: acct.tenant,
        send: () =>
          ctx.http.send('POST', '/api/v1/accounts/payment', {
            token: acct.token,
            body: acct.body({ date, time: '20:30' }),
            headers: { 'Idempotency-Key': key('bench-acct') },
          }),
      },
    );
  }
  const rows: (string | number)[][] = [];
  const listings: string[] = [];
  let failed = false;
  for (const c of cases) {
    const m = await measure(c, ctx);
    rows.push(m.row);
    listings.push(m.listing);
    if (m.failed) failed = true;
  }
  return {
    result: {
      title: '5. Write capacity per payment create',
      rule: 'write units consumed by all the writes of one create <= what its one transaction needs (no write beyond the transaction)',
      headers: ['create', 'tx items', 'tx needs WCU (table + index)', 'DynamoDB Local reported', 'writes outside the tx, WCU', 'total WCU', 'logged by function', 'verdict'],
      rows,
      notes: [
        'Computed by DynamoDB\'s rules from the recorded writes and the items before/after: table 2 x started KB per transactional item',
        '(larger of before and after; item size = attribute names + values), 1 x KB for a write outside a transaction; each index entry',
        'written 1 x KB of its projection (ALL: the item; KEYS_ONLY: the keys), a changed index key 2 (delete + put).',
        'DynamoDB Local answers ReturnConsumedCapacity but not by DynamoDB\'s rules (a transaction of 3 one-item Puts reports 2), so the',
        'computed figures decide and its figure is shown for reference. "logged by function": the consumedWriteCapacity the function',
        'logged for that request (transact() returns it; a service may drop it).',
      ],
      failed,
    },
    listings,
  };
}
