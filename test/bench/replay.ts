/**
 * What a request did to DynamoDB, in words, and the same calls again straight on the client: the
 * "bare DynamoDB calls those requests make" of SPEC §6.
 */
import {
  BatchGetCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactGetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { newId } from '../../shared/ids.js';
import type { RecordedCommand } from './recorder.js';

// ---- descriptions ----

/** A key value with the tenant and the ids abstracted: `T#{t}#PAYMENT#{id}`. */
export function shape(value: unknown, tenant: string): string {
  return String(value).split(tenant).join('{t}').replace(/(?<![0-9])[1-9][0-9]{9,15}(?![0-9])/g, '{id}');
}

const keyOf = (key: unknown, tenant: string) => {
  const k = (key ?? {}) as Record<string, unknown>;
  return `${shape(k.pk, tenant)} / ${shape(k.sk, tenant)}`;
};

function expressions(input: Record<string, unknown>): string {
  const parts: string[] = [];
  if (input.UpdateExpression) parts.push(String(input.UpdateExpression));
  if (input.ConditionExpression) parts.push(`if ${String(input.ConditionExpression)}`);
  return parts.length ? `  [${parts.join('; ')}]` : '';
}

function grouped(lines: string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return [...counts].map(([line, n]) => (n > 1 ? `${n} x ${line}` : line));
}

/** One line (or a few) per command, ids and tenant abstracted. */
export function describe(c: RecordedCommand, tenant: string): string {
  const i = c.input;
  const failed = c.error ? `  -> ${c.error}` : '';
  switch (c.name) {
    case 'GetItem':
      return `GetItem ${keyOf(i.Key, tenant)}${i.ConsistentRead ? ' (consistent)' : ''}${failed}`;
    case 'BatchGetItem': {
      const keys = Object.values((i.RequestItems ?? {}) as Record<string, { Keys?: unknown[] }>).flatMap((r) => r.Keys ?? []);
      return `BatchGetItem ${keys.length} keys: ${grouped(keys.map((k) => keyOf(k, tenant))).join(', ')}${failed}`;
    }
    case 'Query':
    case 'Scan': {
      const values = (i.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
      const bound = Object.entries(values)
        .map(([name, v]) => `${name}=${shape(v, tenant)}`)
        .join(' ');
      const where = i.IndexName ? `index ${String(i.IndexName)}` : 'table';
      const extra = [
        i.Limit !== undefined ? `Limit ${String(i.Limit)}` : '',
        i.ScanIndexForward === false ? 'newest first' : '',
        i.ExclusiveStartKey ? 'from a start key' : '',
        i.ProjectionExpression ? `projecting ${String(i.ProjectionExpression)}` : '',
        i.ConsistentRead ? 'consistent' : '',
      ].filter(Boolean);
      const n = c.output ? ` -> ${String(c.output.Count ?? 0)} items` : '';
      return `${c.name} ${where}: ${String(i.KeyConditionExpression ?? i.FilterExpression ?? '')} (${bound})${extra.length ? `, ${extra.join(', ')}` : ''}${n}${failed}`;
    }
    case 'TransactWriteItems': {
      const items = (i.TransactItems ?? []) as Record<string, Record<string, unknown>>[];
      const lines = items.map((item) => {
        const [op, body] = Object.entries(item)[0]!;
        const key = op === 'Put' ? keyOf(body.Item, tenant) : keyOf(body.Key, tenant);
        return `      ${op} ${key}${expressions(body)}`;
      });
      return [`TransactWriteItems ${items.length} items${failed}`, ...lines].join('\n');
    }
    case 'PutItem':
      return `PutItem ${keyOf(i.Item, tenant)}${expressions(i)}${failed}`;
    case 'UpdateItem':
    case 'DeleteItem':
      return `${c.name} ${keyOf(i.Key, tenant)}${expressions(i)}${failed}`;
    default:
      return `${c.name}${failed}`;
  }
}

// ---- replay ----

const EPOCH_MS = Date.UTC(2024, 0, 1); // shared/ids.ts
const idTime = (id: string) => Math.floor(Number(id) / 4096) + EPOCH_MS;

/**
 * The recorded inputs with every id minted during the recorded request (ids are time-ordered,
 * shared/ids.ts) replaced by a fresh one, consistently, wherever it occurs (keys, index keys,
 * attributes): the replay creates new items, so attribute_not_exists conditions pass again.
 */
export function withFreshIds(commands: readonly RecordedCommand[], window: { startedAt: number; endedAt: number }): Record<string, unknown>[] {
  const fresh = new Map<string, string>();
  const json = JSON.stringify(commands.map((c) => c.input)).replace(/(?<![0-9])[1-9][0-9]{12,15}(?![0-9])/g, (id) => {
    const t = idTime(id);
    if (t < window.startedAt - 5 || t > window.endedAt + 5) return id;
    let replacement = fresh.get(id);
    if (!replacement) fresh.set(id, (replacement = newId()));
    return replacement;
  });
  return JSON.parse(json) as Record<string, unknown>[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const COMMANDS: Record<string, new (input: any) => any> = {
  GetItem: GetCommand,
  BatchGetItem: BatchGetCommand,
  Query: QueryCommand,
  TransactWriteItems: TransactWriteCommand,
  TransactGetItems: TransactGetCommand,
  PutItem: PutCommand,
  UpdateItem: UpdateCommand,
  DeleteItem: DeleteCommand,
};

/** Sends the commands one after another, as the request did; resolves with the elapsed ms. */
export async function replay(client: DynamoDBDocumentClient, names: readonly string[], inputs: readonly Record<string, unknown>[]): Promise<number> {
  const commands = names.map((name, i) => {
    const Command = COMMANDS[name];
    if (!Command) throw new Error(`cannot replay ${name}`);
    return new Command(inputs[i]);
  });
  const started = performance.now();
  for (const command of commands) await client.send(command);
  return performance.now() - started;
}
