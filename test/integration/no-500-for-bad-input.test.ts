/**
 * SPEC §4: no request ever gets a 500 for bad input. Every route of the route table is invoked with
 * arbitrary path parameters, query strings and JSON bodies, by callers of every role: the answer is
 * always below 500. Prototype keys (`__proto__`, `constructor`, `prototype`) are among the arbitrary
 * keys: in a body they make the request a 4xx, never a success (issue 12 item 5).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Route, type RouteKey, ROLES, routeKey, routes } from '../../functions/routes.js';
import { handlerPath } from '../../lib/local/gateway.js';
import { requestSchemasOf } from '../../lib/openapi/request-schemas.js';
import { invoke, newTenant, token } from '../support/index.js';
import { workOrderTenant } from '../support/ledger-fixtures.js';

/** Query parameter names the APIs know, so the arbitrary queries also reach past the "unknown field" check. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
const QUERY_NAMES = [...PROTOTYPE_KEYS, 'page', 'size', 'limit', 'cursor', 'kind', 'parentId', 'partyId', 'status', 'entityId', 'date', 'from', 'to', 'pageSize', 'bancaId', 'ventanaId', 'vendedorId'];

const segment = fc.oneof(fc.constantFrom('1', '0', '-1', '9007199254740993', 'abc', '%', ' ', ''), fc.string({ maxLength: 30 }));
const query = fc.dictionary(fc.oneof(fc.constantFrom(...QUERY_NAMES), fc.string({ maxLength: 8 })), fc.oneof(segment, fc.string()), { maxKeys: 4 });
/** Amount fields of the APIs, with values at and past the money bounds (10^13 minor units; 2^53). */
const AMOUNT_KEYS = ['amount', 'monto', 'totalSales', 'totalPayouts', 'commission', 'lateFee', 'details', 'total', 'documents'];
const boundAmount = fc.constantFrom(100000000000, '100000000000.00', 100000000000.01, 1e13, 1e13 + 1, '10000000000001', 9007199254740991, 9007199254740993, 6e13, 1e16, 1e21, -1e13, [{ amount: 1e13 }], [{ documentId: 1, amount: '1e13' }], { amount: 1e13 + 1, currency: 'PEN' });
const key = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, ...AMOUNT_KEYS), fc.string({ maxLength: 12 }));
const body = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(key, fc.oneof(fc.jsonValue(), boundAmount), { maxKeys: 8 }),
  fc.dictionary(key, fc.dictionary(key, fc.jsonValue(), { maxKeys: 3 }), { maxKeys: 3 }),
);

/** Whether the JSON text of `value` has a prototype key at any depth (as the server parses it). */
function hasPrototypeKey(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => PROTOTYPE_KEYS.includes(k) || hasPrototypeKey(v));
}

function pathFor(route: Route, params: string[]): string {
  let i = 0;
  return route.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(params[i++] || 'x'));
}

describe('no 500 for bad input', () => {
  const tenant = newTenant();
  const tokens: Partial<Record<(typeof ROLES)[number], string>> = {};

  beforeAll(async () => {
    const { employee } = await workOrderTenant(tenant);
    for (const role of ROLES) tokens[role] = await token({ role, tenant, party: employee.id });
  });

  for (const route of (routes as readonly Route[]).filter((r) => r.roles !== 'public')) {
    it(`${routeKey(route)} answers every arbitrary request below 500`, async () => {
      const module = (await import(handlerPath(route))) as Parameters<typeof invoke>[0];
      // A body where the route reads one (receivables' DELETE /v1/deletePayment included).
      const takesBody = Boolean((await requestSchemasOf(route)).body);
      const roles = route.roles as readonly (typeof ROLES)[number][];
      const statuses = new Set<number>();
      await fc.assert(
        fc.asyncProperty(fc.array(segment, { minLength: 2, maxLength: 2 }), query, body, fc.constantFrom(...roles), async (params, q, b, role) => {
          const qs = new URLSearchParams(q).toString();
          const response = await invoke(module, {
            routeKey: routeKey(route) as RouteKey,
            path: `${pathFor(route, params)}${qs ? `?${qs}` : ''}`,
            token: tokens[role]!,
            ...(takesBody ? { body: b } : {}),
          });
          expect(response.status, `${routeKey(route)} ${response.text}`).toBeLessThan(500);
          const sent = takesBody ? JSON.parse(JSON.stringify(b) ?? 'null') : undefined;
          if (hasPrototypeKey(sent)) expect(response.status, `${routeKey(route)} ${JSON.stringify(b)}`).toBeGreaterThanOrEqual(400);
          statuses.add(response.status);
        }),
        { numRuns: 25 },
      );
      // The requests got past authentication into the handler's own checks.
      expect([...statuses].some((status) => status !== 401), [...statuses].join(',')).toBe(true);
    });
  }
});
