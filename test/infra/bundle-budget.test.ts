/**
 * SPEC §6 bundle sizes in `npm test`: every function bundle, built exactly as `npm run bench` builds
 * it (test/bench/bundles.ts: one esbuild call, lib/bundling.ts options and externals), within its
 * budget (test/bench/budgets.ts). Sizes only: module init is noisy and stays in the bench.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKey, routes } from '../../functions/routes.js';
import { budgetOf, BUNDLE_BUDGET_KB, OWN_BUDGETS } from '../bench/budgets.js';
import { type BuiltBundles, buildBundles, bundlesOverBudget } from '../bench/bundles.js';

let outDir: string;
let built: BuiltBundles;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'caja-bundles-'));
  built = await buildBundles(outDir, { selfContained: false });
}, 120_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('function bundles', () => {
  it('builds one bundle per route plus the pre-token trigger', () => {
    const functions = built.bundles.filter((b) => b.kind === 'function');
    expect(functions.map((b) => b.label)).toEqual(expect.arrayContaining(routes.map(routeKey)));
    expect(functions.length).toBe(routes.length + 1);
    for (const b of functions) expect(b.bytes, b.name).toBeGreaterThan(0);
  });

  it('measures the routes deployed split into chunks by what a cold start reads', () => {
    const split = built.bundles.filter((b) => b.split);
    expect(split.map((b) => b.label)).toEqual(routes.filter((r) => 'codeSplitting' in r && r.codeSplitting).map(routeKey));
    for (const b of split) expect(b.bytes, b.name).toBeLessThan(b.split!.allBytes);
  });

  it('keeps every function bundle within its size budget', () => {
    expect(bundlesOverBudget(built.bundles)).toEqual([]);
  });

  it('gives only the three functions SPEC §6 names a budget of their own, with a reason', () => {
    expect(Object.keys(OWN_BUDGETS).sort()).toEqual(['GET /api/v1/accounts/export', 'GET /docs', 'POST /ledger/users']);
    for (const [route, budget] of Object.entries(OWN_BUDGETS)) {
      expect(budget.bundleKb, route).toBeGreaterThanOrEqual(BUNDLE_BUDGET_KB);
      expect(budget.why.length, route).toBeGreaterThan(30);
    }
    expect(budgetOf('GET /api/pagos').bundleKb).toBe(BUNDLE_BUDGET_KB);
  });

  it('fails a bundle one byte over its budget', () => {
    const over = built.bundles
      .filter((b) => b.kind === 'function')
      .map((b) => ({ ...b, bytes: budgetOf(b.label).bundleKb * 1024 + 1 }));
    expect(bundlesOverBudget(over).length).toBe(over.length);
  });
});
