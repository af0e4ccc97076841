/**
 * npm run chaos: store faults injected against the REAL local store, on a DynamoDB Local of its
 * own (never the test suite's). Faults: the Java process paused (SIGSTOP/SIGCONT), and a proxy
 * between the SDK and DynamoDB Local that delays, drops connections, or answers throttling and
 * 500s. Real handlers are driven through the local gateway with tokens signed by the local issuer,
 * with the Lambda fault budget (CAJA_STORE_BUDGET=lambda). Per fault and operation it prints the
 * status, the time to answer, writes that reached the store after the answer, and the effects
 * after a retry once the store is back. Exits 1 if an answer is a 5xx other than 503, slower than
 * the budget, a retry fails, or an effect is missing or duplicated.
 */
import { randomUUID } from 'node:crypto';
import { startDynamoDbLocal } from '../../lib/local/dynamodb.js';
import { importHandler, startGateway } from '../../lib/local/gateway.js';
import { findRoute, type RouteKey } from '../../functions/routes.js';
import { applyStackEnv, stackEnv } from '../../lib/local/stack.js';
import { STORE_BUDGET } from '../../shared/store/budget.js';
import { startFaultProxy, type FaultMode } from '../support/fault-proxy.js';

const TABLE = 'caja-chaos';
/** An answer may take the request deadline plus this (token check, rendering, a loaded machine). */
const ANSWER_SLACK_MS = 1_500;
const BUDGET_MS = STORE_BUDGET.requestDeadlineMs + ANSWER_SLACK_MS;
/** How long a fault is held after the answer, to see whether the request still writes. */
const HOLD_AFTER_ANSWER_MS = 1_000;
const WATCHDOG_MS = 8 * 60_000;
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'TransactWriteItems', 'BatchWriteItem']);

process.env.CAJA_STORE_BUDGET = 'lambda';
process.env.LOG_LEVEL ??= 'error';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const db = await startDynamoDbLocal({ inMemory: true, tableName: TABLE });
const proxy = await startFaultProxy(db.endpoint);
const gateway = await startGateway({ port: 0, quiet: true });
let paused = false;
const resume = () => {
  if (paused) process.kill(db.pid, 'SIGCONT');
  paused = false;
};
const stopAll = async () => {
  resume();
  await Promise.allSettled([proxy.stop(), gateway.close(), db.stop()]);
};
const watchdog = setTimeout(() => {
  console.error(`chaos: still running after ${WATCHDOG_MS / 1000} s, giving up`);
  void stopAll().finally(() => process.exit(2));
}, WATCHDOG_MS);
watchdog.unref();

// Handlers and fixtures reach DynamoDB Local only through the proxy.
applyStackEnv(stackEnv({ tableName: TABLE, dynamodbEndpoint: proxy.endpoint, issuerUrl: gateway.issuer.issuerUrl, clientId: gateway.issuer.clientId }));
const { workOrderTenant, createWorkOrder, createTenant, createParty, pagoBody } = await import('../support/ledger-fixtures.js');
const { charges } = await import('../../shared/store/charges.js');

interface Fault {
  name: string;
  apply(): void;
}
const viaProxy = (name: string, mode: FaultMode): Fault => ({ name, apply: () => proxy.set(mode) });
const FAULTS: Fault[] = [
  {
    name: 'paused (SIGSTOP)',
    apply: () => {
      process.kill(db.pid, 'SIGSTOP');
      paused = true;
    },
  },
  viaProxy('delay 7 s', { kind: 'delay', ms: 7_000 }),
  viaProxy('delay 300 ms', { kind: 'delay', ms: 300 }),
  viaProxy('dropped connections', { kind: 'drop' }),
  viaProxy('throttling (400)', { kind: 'throttle' }),
  viaProxy('store 500', { kind: 'error500' }),
];
const recover = () => {
  proxy.set({ kind: 'pass' });
  resume();
};

interface Answer {
  status: number;
  ms: number;
  body: any;
}
async function call(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(`${gateway.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  return { status: response.status, ms: Date.now() - started, body: text ? JSON.parse(text) : undefined };
}

/** Runs `request` under `fault`: the answer, and the writes that reached the store after it. */
async function underFault(fault: Fault, request: () => Promise<Answer>): Promise<Answer & { lateWrites: number }> {
  fault.apply();
  try {
    const answer = await request();
    const answeredAt = Date.now();
    await new Promise((r) => setTimeout(r, HOLD_AFTER_ANSWER_MS));
    const lateWrites = proxy.log.filter((entry) => entry.at > answeredAt && WRITES.has(entry.operation)).length;
    return { ...answer, lateWrites };
  } finally {
    recover();
  }
}

// ---- fixtures (store healthy) ----
const woTenant = `chaos-${randomUUID()}`;
const refs = await workOrderTenant(woTenant);
const woAdmin = gateway.issuer.mint({ role: 'ADMIN', tenant: woTenant });
const acTenant = `chaos-${randomUUID()}`;
await createTenant(acTenant, { currency: 'CRC', timeZone: 'America/Costa_Rica' });
const banca = await createParty(acTenant, 'banca');
const ventana = await createParty(acTenant, 'ventana', { parentId: banca.id });
const vendedor = await createParty(acTenant, 'vendedor', { parentId: ventana.id });
const acAdmin = gateway.issuer.mint({ role: 'ADMIN', tenant: acTenant });
const statementPaid = async (date: string) =>
  (await call('GET', `/api/v1/accounts/statement?date=${date}&vendedorId=${vendedor.id}`, acAdmin)).body?.data?.totalPaid as number;

interface Row {
  fault: string;
  operation: string;
  status: number;
  ms: number;
  lateWrites: number;
  retry: string;
  effects: string;
  problems: string[];
}
const rows: Row[] = [];

function judge(row: Omit<Row, 'problems'>, retryStatus: number | undefined, effectsOk: boolean): void {
  const problems: string[] = [];
  if (row.status >= 500 && row.status !== 503) problems.push(`answered ${row.status}`);
  if (row.ms > BUDGET_MS) problems.push(`answered after ${row.ms} ms (budget ${BUDGET_MS} ms)`);
  if (row.lateWrites > 0) problems.push(`${row.lateWrites} write(s) after the answer`);
  if (retryStatus !== undefined && retryStatus >= 500) problems.push(`retry answered ${retryStatus}`);
  if (!effectsOk) problems.push(`effects: ${row.effects}`);
  rows.push({ ...row, problems });
}

const pick = (a: Answer & { lateWrites: number }) => ({ status: a.status, ms: a.ms, lateWrites: a.lateWrites });

// On Lambda a function answers its first request after its init (modules loaded, SDK client built),
// which the request deadline does not count; the local gateway loads a handler on its first call.
// So the handlers under test are loaded, and the store client and the token keys warmed, first.
await Promise.all(
  ['GET /api/pagos', 'POST /api/pagos', 'POST /api/v1/accounts/reverse-payment', 'POST /api/v1/accounts/payment'].map((key) =>
    importHandler(findRoute(key as RouteKey)),
  ),
);
await call('GET', '/api/pagos', woAdmin);
await call('GET', `/api/v1/accounts/statement?date=2024-01-01&vendedorId=${vendedor.id}`, acAdmin);

try {
  for (const [i, fault] of FAULTS.entries()) {
    // A read.
    const read = await underFault(fault, () => call('GET', '/api/pagos', woAdmin));
    judge({ fault: fault.name, operation: 'GET /api/pagos', ...pick(read), retry: '-', effects: 'none (read)' }, undefined, true);

    // A create with an Idempotency-Key, retried once the store is back: exactly one payment.
    const workOrder = await createWorkOrder(woTenant, refs.client.id);
    const body = pagoBody({ ...refs, workOrder }, { monto: 10 });
    const key = { 'idempotency-key': `chaos-create-${i}-${randomUUID()}` };
    const created = await underFault(fault, () => call('POST', '/api/pagos', woAdmin, body, key));
    const retried = await call('POST', '/api/pagos', woAdmin, body, key);
    const listed = await call('GET', `/api/pagos/pendiente/${workOrder.id}`, woAdmin);
    const payments = (listed.body?.data ?? []).length as number;
    const paid = (await charges.get(woTenant, workOrder.id))?.paidAmount;
    judge(
      { fault: fault.name, operation: 'POST /api/pagos + key', ...pick(created), retry: String(retried.status), effects: `${payments} payment(s), paid ${paid}` },
      retried.status,
      payments === 1 && paid === 1000,
    );

    // An accounts reversal and its retry with the same Idempotency-Key: the day's paid total goes from
    // 500 to 0, once, and the retry answers the reversal's success (never PAYMENT_ALREADY_REVERSED).
    const reversalDay = `2024-0${1 + (i % 9)}-10`;
    const payment = await call('POST', '/api/v1/accounts/payment', acAdmin, {
      date: reversalDay, time: '10:00', vendedorId: vendedor.id, amount: 500, type: 'payment', method: 'cash',
    });
    const reverseBody = { paymentId: payment.body?.data?.payment?.id, reason: 'chaos' };
    const reverseKey = { 'idempotency-key': `chaos-reverse-${i}-${randomUUID()}` };
    const reversed = await underFault(fault, () => call('POST', '/api/v1/accounts/reverse-payment', acAdmin, reverseBody, reverseKey));
    const reRetried = await call('POST', '/api/v1/accounts/reverse-payment', acAdmin, reverseBody, reverseKey);
    const afterReversal = await statementPaid(reversalDay);
    judge(
      {
        fault: fault.name,
        operation: 'POST reverse-payment',
        ...pick(reversed),
        retry: `${reRetried.status}${reRetried.body?.meta?.code ? ` ${reRetried.body.meta.code}` : ''}`,
        effects: `day totalPaid ${afterReversal}`,
      },
      reRetried.status,
      payment.status === 201 && reRetried.status === 200 && afterReversal === 0,
    );

    // A transaction (accounts payment: key record, payment, statement, audit) and its retry: one effect.
    const txDay = `2024-1${i % 3}-20`;
    const txBody = { date: txDay, time: '11:00', vendedorId: vendedor.id, amount: 250, type: 'payment', method: 'cash', idempotencyKey: `chaos-tx-${i}-${randomUUID()}` };
    const before = (await statementPaid(txDay)) ?? 0;
    const tx = await underFault(fault, () => call('POST', '/api/v1/accounts/payment', acAdmin, txBody));
    const txRetried = await call('POST', '/api/v1/accounts/payment', acAdmin, txBody);
    const after = await statementPaid(txDay);
    judge(
      { fault: fault.name, operation: 'POST accounts payment (tx)', ...pick(tx), retry: String(txRetried.status), effects: `day totalPaid +${after - before}` },
      txRetried.status,
      after - before === 250,
    );
    process.stdout.write(`chaos: ${fault.name} done\n`);
  }
} finally {
  await stopAll();
  clearTimeout(watchdog);
}

const header = ['fault', 'operation', 'status', 'ms', 'late writes', 'retry', 'effects after retry', 'verdict'];
const table = rows.map((r) => [r.fault, r.operation, String(r.status), String(r.ms), String(r.lateWrites), r.retry, r.effects, r.problems.length ? `FAIL: ${r.problems.join('; ')}` : 'ok']);
const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => row[c]!.length)));
const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c]!)).join('  ');
console.log(`\nbudget per answer: ${BUDGET_MS} ms (request deadline ${STORE_BUDGET.requestDeadlineMs} ms + ${ANSWER_SLACK_MS} ms)`);
console.log(line(header));
for (const row of table) console.log(line(row));
const failed = rows.filter((r) => r.problems.length > 0).length;
console.log(`\n${rows.length - failed}/${rows.length} ok`);
process.exit(failed > 0 ? 1 : 0);
