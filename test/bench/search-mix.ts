/**
 * The measurement both search-mix budgets (4b gateway, 4c receivables) share: each request once with
 * its DynamoDB calls recorded, then its p50 through the gateway against the same calls replayed bare
 * (interleaved), grouped by combination into the budget's rows.
 */
import { db } from '../../shared/store/client.js';
import { expectStatus, type HttpAnswer } from './http.js';
import { itemsRead, type RecordedCommand, type Recorder } from './recorder.js';
import { describe, replay } from './replay.js';
import { fmt, median } from './stats.js';
import { ITEMS_BUDGET_RATIO } from './search.js';

export interface MixRequest {
  group: string;
  path: string;
}

interface GroupTotals {
  requests: number;
  returned: number;
  full: number;
  entries: number;
  gw: number[];
  bare: number[];
  worst: number;
  example?: string;
}

export const MIX_HEADERS = ['combination', 'requests', 'returned', 'full read', 'index entries', 'full/ret', 'entries/ret', 'worst full/ret', 'gw p50 ms', 'bare p50 ms', 'gw/bare', 'verdict'];

export async function measureSearchMix(options: {
  requests: readonly MixRequest[];
  send: (path: string) => Promise<HttpAnswer>;
  recorder: Recorder;
  tenant: string;
  samples: number;
  /** The items a response returned. */
  returned: (body: HttpAnswer['body']) => number;
  /** Whole-mix row label. */
  total: string;
  /** Called once per request with what it read (a per-request listing). */
  onRequest?: (path: string, answer: HttpAnswer, commands: RecordedCommand[], returned: number) => void;
}): Promise<{ rows: (string | number)[][]; examples: string[] }> {
  const groups = new Map<string, GroupTotals>();
  for (const request of options.requests) {
    const capture = await options.recorder.capture(() => options.send(request.path));
    expectStatus(capture.result, 200, `GET ${request.path}`);
    const read = itemsRead(capture.commands);
    const returned = options.returned(capture.result.body);
    options.onRequest?.(request.path, capture.result, capture.commands, returned);
    const g = groups.get(request.group) ?? { requests: 0, returned: 0, full: 0, entries: 0, gw: [], bare: [], worst: 0 };
    g.requests += 1;
    g.returned += returned;
    g.full += read.full;
    g.entries += read.keysOnly;
    if (returned > 0) g.worst = Math.max(g.worst, read.full / returned);
    const names = capture.commands.map((c) => c.name);
    const inputs = capture.commands.map((c) => c.input);
    for (let i = 0; i < options.samples; i++) {
      if (i % 2) g.bare.push(await replay(db(), names, inputs));
      g.gw.push(expectStatus(await options.send(request.path), 200, request.path).ms);
      if (i % 2 === 0) g.bare.push(await replay(db(), names, inputs));
    }
    g.example ??= `${request.group}, e.g. GET ${request.path}:\n${capture.commands.map((c, i) => `   ${i + 1}. ${describe(c, options.tenant)}`).join('\n')}`;
    groups.set(request.group, g);
  }
  const verdict = (ratio: number) => (ratio <= ITEMS_BUDGET_RATIO ? 'PASS' : 'FAIL');
  const all = [...groups.values()].reduce(
    (t, g) => ({ returned: t.returned + g.returned, full: t.full + g.full, entries: t.entries + g.entries, requests: t.requests + g.requests }),
    { returned: 0, full: 0, entries: 0, requests: 0 },
  );
  const rows: (string | number)[][] = [...groups].map(([name, g]) => {
    const ratio = g.full / Math.max(1, g.returned);
    return [name, g.requests, g.returned, g.full, g.entries, fmt(ratio), fmt(g.entries / Math.max(1, g.returned)), fmt(g.worst), fmt(median(g.gw)), fmt(median(g.bare)), `${fmt(median(g.gw) / median(g.bare))}x`, verdict(ratio)];
  });
  const ratio = all.full / Math.max(1, all.returned);
  rows.push([options.total, all.requests, all.returned, all.full, all.entries, fmt(ratio), fmt(all.entries / Math.max(1, all.returned)), '', '', '', '', verdict(ratio)]);
  return { rows, examples: [...groups.values()].map((g) => g.example!) };
}
