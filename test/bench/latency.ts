/**
 * Budget 3 of SPEC §6: p50 of create-payment and list-payments through the local gateway against
 * the p50 of the bare DynamoDB calls those requests make, replayed on the same client in the same
 * run, interleaved request by request so noise hits both alike.
 */
import { db } from '../../shared/store/client.js';
import { expectStatus, type HttpAnswer } from './http.js';
import type { Capture } from './recorder.js';
import { describe, replay, withFreshIds } from './replay.js';
import type { BenchContext, WorkordersTenant } from './setup.js';
import { type BudgetResult, fmt, median, percentile } from './stats.js';

export const LATENCY_BUDGET_RATIO = 1.3;

interface Case {
  label: string;
  send: () => Promise<HttpAnswer>;
  status: number;
  /** Whether the replay must mint new ids (creates) or can repeat the inputs (reads). */
  fresh: boolean;
}

export interface LatencyOutcome {
  result: BudgetResult;
  /** The command list of one request of each case, for the output. */
  listings: string[];
}

export async function latencyBudget(
  ctx: BenchContext,
  wo: WorkordersTenant,
  options: { warmup: number; samples: number },
): Promise<LatencyOutcome> {
  const { http, recorder } = ctx;
  const cases: Case[] = [
    {
      label: 'POST /api/pagos (create payment)',
      send: () => http.send('POST', '/api/pagos', { token: wo.token, body: wo.body() }),
      status: 201,
      fresh: true,
    },
    {
      label: 'GET /api/pagos?page=0&size=10 (list payments)',
      send: () => http.send('GET', '/api/pagos?page=0&size=10', { token: wo.token }),
      status: 200,
      fresh: false,
    },
  ];

  // Warm-up: handler modules loaded, JWKS fetched, tenant settings cached, JIT warm, both paths.
  for (let i = 0; i < options.warmup; i++) {
    for (const c of cases) expectStatus(await c.send(), c.status, c.label);
  }
  const recorded: Capture<HttpAnswer>[] = [];
  for (const c of cases) {
    const capture = await recorder.capture(c.send);
    expectStatus(capture.result, c.status, c.label);
    if (capture.commands.some((cmd) => cmd.error)) throw new Error(`${c.label}: a DynamoDB call failed while recording`);
    recorded.push(capture);
  }
  const client = db();
  // Warm the replay path too.
  for (let i = 0; i < Math.min(10, options.warmup); i++) {
    for (const [n, c] of cases.entries()) {
      const rec = recorded[n]!;
      await replay(client, rec.commands.map((cmd) => cmd.name), c.fresh ? withFreshIds(rec.commands, rec) : rec.commands.map((cmd) => cmd.input));
    }
  }

  const gateway = cases.map(() => [] as number[]);
  const bare = cases.map(() => [] as number[]);
  for (let i = 0; i < options.samples; i++) {
    for (const [n, c] of cases.entries()) {
      const rec = recorded[n]!;
      const names = rec.commands.map((cmd) => cmd.name);
      const inputs = c.fresh ? withFreshIds(rec.commands, rec) : (JSON.parse(JSON.stringify(rec.commands.map((cmd) => cmd.input))) as Record<string, unknown>[]);
      const viaGateway = async () => gateway[n]!.push(expectStatus(await c.send(), c.status, c.label).ms);
      const direct = async () => bare[n]!.push(await replay(client, names, inputs));
      // Alternate which goes first, so neither always runs right after the other kind.
      if (i % 2 === 0) {
        await viaGateway();
        await direct();
      } else {
        await direct();
        await viaGateway();
      }
    }
  }

  const rows: (string | number)[][] = [];
  let failed = false;
  for (const [n, c] of cases.entries()) {
    const g = median(gateway[n]!);
    const b = median(bare[n]!);
    const ratio = g / b;
    const ok = ratio <= LATENCY_BUDGET_RATIO;
    if (!ok) failed = true;
    rows.push([
      c.label,
      String(recorded[n]!.commands.length),
      fmt(g),
      fmt(b),
      fmt(g - b),
      `${fmt(ratio)}x`,
      `${fmt(percentile(gateway[n]!, 0.9))} / ${fmt(percentile(bare[n]!, 0.9))}`,
      ok ? 'PASS' : 'FAIL',
    ]);
  }
  const listings = cases.map(
    (c, n) => `${c.label}:\n${recorded[n]!.commands.map((cmd, i) => `   ${i + 1}. ${describe(cmd, wo.tenant)}`).join('\n')}`,
  );
  return {
    result: {
      title: '3. Latency through the local gateway',
      rule: `p50 through the gateway <= ${LATENCY_BUDGET_RATIO} x p50 of the same DynamoDB calls made directly, same run`,
      headers: ['request', 'calls', 'gateway p50 ms', 'bare p50 ms', 'overhead ms', 'ratio', 'p90 gw / bare', 'verdict'],
      rows,
      notes: [
        `${options.samples} sequential requests per case after ${options.warmup} warm-up rounds; each gateway request is paired with one replay of`,
        'the calls recorded from one request (same document client db(), same order; creates with freshly minted ids), alternating order.',
        'Gateway time is HTTP on a kept-alive connection through the in-process local gateway (JWT check, v2 event, real handler).',
      ],
      failed,
    },
    listings,
  };
}
