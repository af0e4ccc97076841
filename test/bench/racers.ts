/**
 * Racers (issue 12, SPEC §4): many concurrent writers through the local gateway, over HTTP.
 *
 *   - 300 racers on one Idempotency-Key: exactly 1 payment, no 5xx;
 *   - 1,000 concurrent distinct payments on one charge (workorders) and on one statement (accounts):
 *     each answer a 201 or a retryable 409/503 (never a 500); the client retries those with the same
 *     key (a 503 is an unknown outcome: the write may have committed), and the charge's paid amount /
 *     the day's total equal the sum of the payments answered 201 (first time or on retry).
 */
import { randomUUID } from 'node:crypto';
import { createParty, createTenant, createWorkOrder, workOrderTenant } from '../support/ledger-fixtures.js';
import type { BenchContext } from './setup.js';
import { type BudgetResult, fmt } from './stats.js';

interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Concurrent requests (undici's pool: many sockets), unlike the bench's one-socket client. */
async function send(baseUrl: string, method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  try {
    const res = await fetch(new URL(path, baseUrl), {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  } catch (error) {
    return { status: 0, body: String(error) };
  }
}

const tally = (answers: readonly Answer[]) => {
  const counts = new Map<number, number>();
  for (const a of answers) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
};
const retryable = (status: number) => status === 201 || status === 409 || status === 503;
/** Answers a client retries with the same key: 409, 503, and no answer at all (status 0: the connection failed, the write may have committed). */
const unknownOutcome = (status: number) => status === 0 || status === 409 || status === 503;

/**
 * Sends every request once, concurrently; then, as a client does, retries the 409s, 503s and
 * failed connections with the same Idempotency-Key (a 503 or a dropped connection may hide a
 * committed write: its retry answers it) until none is left. Returns the first answers (what the budget judges) and the final ones (what the totals are).
 */
async function withRetries(requests: (() => Promise<Answer>)[]): Promise<{ first: Answer[]; final: Answer[]; rounds: number }> {
  const first = await Promise.all(requests.map((r) => r()));
  const final = [...first];
  let rounds = 0;
  for (; rounds < 10 && final.some((a) => unknownOutcome(a.status)); rounds++) {
    const again = final.flatMap((a, i) => (unknownOutcome(a.status) ? [i] : []));
    const answers = await Promise.all(again.map((i) => requests[i]!()));
    again.forEach((i, k) => (final[i] = answers[k]!));
  }
  return { first, final, rounds };
}
const succeeded = (a: Answer) => a.status === 200 || a.status === 201;

export async function racersBudget(ctx: BenchContext): Promise<BudgetResult> {
  const base = ctx.stack.baseUrl;
  const rows: (string | number)[][] = [];
  let failed = false;
  const notes: string[] = [];
  const row = (label: string, answers: Answer[], ms: number, check: string, ok: boolean) => {
    failed ||= !ok;
    // Say why a request got no answer (status 0) or a 500: the verdict needs it.
    const odd = answers.find((a) => a.status === 0 || a.status >= 500 && a.status !== 503);
    if (odd) notes.push(`${label}: e.g. ${odd.status} ${JSON.stringify(odd.body).slice(0, 200)}`);
    rows.push([label, answers.length, tally(answers), fmt(ms / 1000, 1), check, ok ? 'PASS' : 'FAIL']);
  };

  // Workorders: one work order (large enough for every racer), an ADMIN.
  const tenant = `bench-race-${randomUUID()}`;
  const refs = await workOrderTenant(tenant);
  const workOrder = await createWorkOrder(tenant, refs.client.id, 10_000_000);
  const admin = ctx.stack.issuer.mint({ role: 'ADMIN', tenant, sub: 'bench-admin' });
  const pago = { empleadoId: Number(refs.employee.id), clienteId: Number(refs.client.id), pendienteId: Number(workOrder.id), monto: 1, fechaPago: '2024-03-15', metodoPago: 'BCP' };
  const paidAmount = async () => (await send(base, 'GET', `/ledger/charges/${workOrder.id}`, admin)).body.paidAmount.amount as number;

  {
    const key = `racers-${randomUUID()}`;
    const before = await paidAmount();
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 300 }, () => send(base, 'POST', '/api/pagos', admin, pago, { 'idempotency-key': key })));
    const ms = performance.now() - started;
    const ids = new Set(answers.filter((a) => a.status === 200 || a.status === 201).map((a) => String(a.body.data.id)));
    const effect = (await paidAmount()) - before;
    const ok = answers.every((a) => a.status > 0 && a.status < 500) && ids.size === 1 && effect === 100;
    row('300 racers, one Idempotency-Key (workorders)', answers, ms, `${ids.size} payment id(s), paid amount +${effect} minor (want 1, +100)`, ok);
  }

  {
    const before = await paidAmount();
    const started = performance.now();
    const keys = Array.from({ length: 1_000 }, (_, i) => `distinct-${randomUUID()}-${i}`);
    const { first, final, rounds } = await withRetries(keys.map((key) => () => send(base, 'POST', '/api/pagos', admin, pago, { 'idempotency-key': key })));
    const ms = performance.now() - started;
    const created = new Set(final.filter(succeeded).map((a) => String(a.body.data.id))).size;
    const effect = (await paidAmount()) - before;
    const ok = first.every((a) => retryable(a.status)) && final.every(succeeded) && effect === created * 100;
    row('1,000 distinct payments on one charge (workorders)', first, ms, `after ${rounds} retry round(s) with the same keys: ${created} payments; paid amount +${effect} minor = ${created} × 100`, ok);
  }

  // Accounts: one vendedor's day.
  const acctTenant = `bench-race-acct-${randomUUID()}`;
  await createTenant(acctTenant, { currency: 'CRC', timeZone: 'America/Costa_Rica' });
  const banca = await createParty(acctTenant, 'banca', { name: 'Banca' });
  const ventana = await createParty(acctTenant, 'ventana', { name: 'Ventana', parentId: banca.id });
  const acctAdmin = ctx.stack.issuer.mint({ role: 'ADMIN', tenant: acctTenant, sub: 'bench-admin' });
  const date = '2024-06-03';
  {
    const started = performance.now();
    const keys = Array.from({ length: 1_000 }, (_, i) => `distinct-${randomUUID()}-${i}`);
    const { first, final, rounds } = await withRetries(
      keys.map((idempotencyKey) => () => send(base, 'POST', '/api/v1/accounts/payment', acctAdmin, { date, time: '10:00', ventanaId: ventana.id, amount: 1, type: 'payment', method: 'cash', idempotencyKey })),
    );
    const ms = performance.now() - started;
    const created = new Set(final.filter(succeeded).map((a) => String(a.body.data.payment.id))).size;
    const statement = await send(base, 'GET', `/api/v1/accounts/statement?ventanaId=${ventana.id}&date=${date}`, acctAdmin);
    const totalPaid = statement.body?.data?.totalPaid as number;
    const ok = first.every((a) => retryable(a.status)) && final.every(succeeded) && totalPaid === created;
    row('1,000 distinct payments on one statement (accounts)', first, ms, `after ${rounds} retry round(s) with the same keys: ${created} payments; totalPaid ${totalPaid} = ${created} × 1.00`, ok);
  }

  return {
    title: 'Racers: one key, one charge, one statement',
    rule: 'one key → 1 payment, 0 5xx; distinct payments → 201 or retryable 409/503, never 500; totals = sum of the 201s',
    headers: ['case', 'requests', 'statuses', 's', 'effect', 'verdict'],
    rows,
    notes,
    failed,
  };
}
