/**
 * Budget 5 of SPEC §6: write capacity per payment create. The creating transaction asks DynamoDB
 * for ReturnConsumedCapacity=TOTAL (shared/store/tx.ts); the recorder sees what DynamoDB (Local)
 * answered, and the bench computes what the transaction needs by DynamoDB's rules: 2 write units
 * per transactional item per started KB (the larger of the item before and after), and 1 per KB for
 * any write made outside the transaction.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../shared/store/client.js';
import { expectStatus, type HttpAnswer } from './http.js';
import { itemSize, transactionalWriteUnits, writeUnits } from './item-size.js';
import type { Capture, RecordedCommand } from './recorder.js';
import { describe, shape } from './replay.js';
import type { AccountsTenant, BenchContext, WorkordersTenant } from './setup.js';
import type { BudgetResult } from './stats.js';

type Key = { pk: string; sk: string };
const keyString = (k: Key) => `${k.pk}|${k.sk}`;

interface WriteOp {
  /** Inside the TransactWriteItems, or a separate call. */
  transactional: boolean;
  op: 'Put' | 'Update' | 'Delete' | 'ConditionCheck';
  key: Key;
  /** The new item of a Put. */
  item?: Record<string, unknown>;
}

function writesOf(commands: readonly RecordedCommand[]): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const c of commands) {
    const i = c.input;
    if (c.name === 'TransactWriteItems') {
      for (const entry of (i.TransactItems ?? []) as Record<string, Record<string, unknown>>[]) {
        const [op, body] = Object.entries(entry)[0]! as [WriteOp['op'], Record<string, unknown>];
        const item = body.Item as Record<string, unknown> | undefined;
        ops.push({ transactional: true, op, key: (op === 'Put' ? { pk: item!.pk, sk: item!.sk } : body.Key) as Key, ...(item ? { item } : {}) });
      }
    } else if (c.name === 'PutItem') {
      const item = i.Item as Record<string, unknown>;
      ops.push({ transactional: false, op: 'Put', key: { pk: item.pk, sk: item.sk } as Key, item });
    } else if (c.name === 'UpdateItem' || c.name === 'DeleteItem') {
      ops.push({ transactional: false, op: c.name === 'UpdateItem' ? 'Update' : 'Delete', key: i.Key as Key });
    }
  }
  return ops;
}

async function sizeNow(key: Key): Promise<number> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return itemSize(Item);
}

/** What the logger printed while `fn` ran (handlers log JSON lines to stdout). */
async function withLogs<T>(fn: () => Promise<T>): Promise<{ value: T; lines: Record<string, unknown>[] }> {
  const lines: Record<string, unknown>[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const level = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'info'; // read when each request's logger is made
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    for (const line of text.split('\n')) {
      try {
        if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
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

async function measure(ctx: BenchContext, c: CreateCase): Promise<Measured> {
  // A first create of the same shape tells which existing items the create updates.
  const probe = await ctx.recorder.capture(c.send);
  expectStatus(probe.result, 201, c.label);
  const sizes = new Map<string, number>();
  for (const w of writesOf(probe.commands)) if (w.op !== 'Put') sizes.set(keyString(w.key), await sizeNow(w.key));

  const { value: capture, lines } = await withLogs(() => ctx.recorder.capture(c.send));
  expectStatus(capture.result, 201, c.label);
  return account(c, capture, sizes, lines);
}

async function account(c: CreateCase, capture: Capture<HttpAnswer>, before: Map<string, number>, lines: Record<string, unknown>[]): Promise<Measured> {
  const writes = writesOf(capture.commands);
  let txNeeded = 0;
  let outside = 0;
  const txParts: string[] = [];
  const outsideParts: string[] = [];
  // Items as they were before each write of this request (a Put inside the transaction is the
  // "before" of a later update of the same key outside it).
  const known = new Map(before);
  for (const w of writes) {
    const k = keyString(w.key);
    const was = known.get(k) ?? 0;
    const after = w.op === 'Put' ? itemSize(w.item) : w.op === 'Delete' ? 0 : await sizeNow(w.key);
    const size = Math.max(was, after);
    const units = w.transactional ? transactionalWriteUnits(size) : writeUnits(size);
    const part = `${w.op} ${shape(w.key.pk, c.tenant).replace(/^T#\{t\}#/, '')} ${size} B = ${units}`;
    if (w.transactional) {
      txNeeded += units;
      txParts.push(part);
    } else {
      outside += units;
      outsideParts.push(part);
    }
    known.set(k, after);
  }
  const txCommands = capture.commands.filter((cmd) => cmd.name === 'TransactWriteItems');
  const reportedValues = txCommands.map((cmd) => cmd.output?.ConsumedCapacity as { CapacityUnits?: number }[] | undefined);
  const reported = reportedValues.every((v) => v === undefined)
    ? undefined
    : reportedValues.reduce((sum, v) => sum + (v ?? []).reduce((s, x) => s + (x.CapacityUnits ?? 0), 0), 0);
  const logged = lines
    .map((l) => l.consumedWriteCapacity)
    .filter((v): v is number => typeof v === 'number');
  const txItems = writes.filter((w) => w.transactional).length;
  const total = txNeeded + outside;
  const reportedOk = reported === undefined || reported <= txNeeded;
  const ok = reportedOk && total <= txNeeded && txCommands.length === 1;
  const abstract = (text: string) => text.replace(/bench-(wo|acct)-[a-z0-9]+-\d+/g, '{key}');
  return {
    row: [
      c.label,
      txItems,
      txNeeded,
      reported === undefined ? 'not reported' : String(reported),
      outside ? `${outside} (${abstract(outsideParts.join('; '))})` : '0',
      total,
      logged.length ? logged.join(', ') : 'not logged',
      ok ? 'PASS' : 'FAIL',
    ],
    failed: !ok,
    listing: abstract(
      `${c.label}: transaction items ${txParts.join(', ')}${outsideParts.length ? `; outside it: ${outsideParts.join(', ')}` : ''}\n` +
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
    const m = await measure(ctx, c);
    rows.push(m.row);
    listings.push(m.listing);
    if (m.failed) failed = true;
  }
  return {
    result: {
      title: '5. Write capacity per payment create',
      rule: 'WCU consumed per create (DynamoDB-reported for the transaction; computed for every write) <= what its one transaction needs',
      headers: ['create', 'tx items', 'tx needs WCU', 'DynamoDB reported', 'writes outside the tx, WCU', 'total WCU', 'logged by function', 'verdict'],
      rows,
      notes: [
        '"tx needs" = sum over the transaction\'s items of 2 x started KB of the larger of the item before and after (DynamoDB\'s item',
        'size rules: attribute names + values); a write outside the transaction costs 1 x started KB. "logged by function" is the',
        'consumedWriteCapacity the function printed in its log for that request (transact() returns it; a service may drop it).',
        'DynamoDB Local answers ReturnConsumedCapacity, but not by DynamoDB\'s billing rules (its figure can be below what the items',
        'need), so the computed figures decide; the reported one is shown and must not exceed the transaction\'s need either.',
      ],
      failed,
    },
    listings,
  };
}
