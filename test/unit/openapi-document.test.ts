/** The API document (lib/openapi, written by `npm run openapi`): up to date, complete, its examples valid. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.js';
import { operationIdOf } from '../../lib/openapi/document.js';
import { REQUEST_EXAMPLES } from '../../lib/openapi/examples.js';
import { generatedFiles, OPENAPI_FILE } from '../../lib/openapi/generated.js';
import { requestSchemasOf } from '../../lib/openapi/request-schemas.js';
import { parseSearch } from '../../shared/domain/gateway/search-grammar.js';
import { routeKey } from '../../shared/http/route.js';

interface Operation {
  operationId: string;
  security?: unknown[];
  'x-roles': string[];
  parameters?: { name?: string; in?: string; $ref?: string }[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

const committed = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, { content: { 'application/json': { examples: Record<string, { value: unknown }> } } }> };
};
const operationOf = (route: (typeof routes)[number]) => committed.paths[route.path]?.[route.method.toLowerCase()];

describe('the API document', () => {
  it('is up to date with the code (run `npm run openapi` after changing routes, schemas, dialects or redoc)', async () => {
    for (const [file, text] of Object.entries(await generatedFiles())) {
      expect(readFileSync(file, 'utf8') === text, `${file} is out of date: run npm run openapi`).toBe(true);
    }
  });

  it('has every route of the route table once, with its roles; only public routes need no token', () => {
    const keys = Object.entries(committed.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(keys.sort()).toEqual(routes.map(routeKey).sort());
    for (const route of routes) {
      const op = operationOf(route)!;
      expect(op.operationId).toBe(operationIdOf(route));
      expect(op['x-roles']).toEqual(route.roles === 'public' ? [] : [...route.roles]);
      expect(op.security, routeKey(route)).toEqual(route.roles === 'public' ? [] : undefined);
    }
  });

  it('lists the Idempotency-Key header on every authenticated mutating route (issue 12 item 3), and only there', () => {
    for (const route of routes) {
      const isPublic = route.roles === 'public';
      const mutating = route.method !== 'GET' && !isPublic;
      const refs = (operationOf(route)!.parameters ?? []).map((p) => p.$ref);
      expect([routeKey(route), refs.includes('#/components/parameters/IdempotencyKey')]).toEqual([routeKey(route), mutating]);
    }
  });

  it('documents the maximum of every amount field of every API (issue 12 item 1)', () => {
    const AMOUNT_FIELDS = new Set(['amount', 'monto', 'total', 'totalSales', 'totalPayouts', 'commission', 'lateFee']);
    const found: string[] = [];
    const walk = (schema: any, where: string): void => {
      if (!schema || typeof schema !== 'object') return;
      for (const [name, property] of Object.entries<any>(schema.properties ?? {})) {
        if (AMOUNT_FIELDS.has(name)) {
          found.push(`${where}.${name}`);
          const text = JSON.stringify(property);
          expect(text.includes('"maximum":10000000000000') || text.includes('at most 10000000000000 minor units'), `${where}.${name}: ${text}`).toBe(true);
        }
        walk(property, `${where}.${name}`);
      }
      for (const nested of [schema.items, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) walk(nested, where);
    };
    for (const [path, operations] of Object.entries(committed.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        walk((op.requestBody as { content?: Record<string, { schema: unknown }> } | undefined)?.content?.['application/json']?.schema, `${method.toUpperCase()} ${path}`);
      }
    }
    // One of each API's amount fields, so the walk cannot pass by finding nothing.
    for (const field of ['POST /ledger/charges.amount', 'POST /api/pagos.monto', 'POST /api/v1/accounts/payment.amount', 'POST /api/v1/accounts/activity.commission', 'POST /pagos.details.amount', 'POST /v1/createPayment.total', 'POST /v1/createPayment.documents.amount']) {
      expect(found).toContain(field);
    }
  });

  it('declares the path parameters of every templated path', () => {
    for (const route of routes) {
      const names = [...route.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => name);
      const declared = (operationOf(route)!.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect(declared, routeKey(route)).toEqual(names);
    }
  });

  it('documents request bodies exactly for the routes whose schemas have one', async () => {
    for (const route of routes) {
      const { body } = await requestSchemasOf(route);
      expect(Boolean(operationOf(route)!.requestBody), routeKey(route)).toBe(Boolean(body));
    }
  });

  it("answers each API's error statuses in that API's envelope", () => {
    const pago = operationOf(routes.find((r) => routeKey(r) === 'POST /api/pagos')!)!;
    expect(Object.keys(pago.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '413', '415', '422', '429', '500', '503']));
    const workorders400 = committed.components.responses.workordersError400!.content['application/json'].examples;
    expect(workorders400.validation!.value).toEqual({ success: false, code: 400, message: expect.any(String), data: null });
    const accounts401 = committed.components.responses.accountsError401!.content['application/json'].examples;
    expect(accounts401.unauthenticated!.value).toMatchObject({ success: false, meta: { code: 'UNAUTHORIZED' } });
  });
});

describe('request examples from the seeds', () => {
  for (const [key, example] of Object.entries(REQUEST_EXAMPLES)) {
    it(`${key}: parses with the route's own schemas`, async () => {
      const route = routes.find((r) => routeKey(r) === key);
      expect(route, `${key} is not in the route table`).toBeDefined();
      const schemas = await requestSchemasOf(route!);
      if (example.body) expect(schemas.body!.safeParse(example.body).error).toBeUndefined();
      if (example.query) expect(schemas.query!.safeParse(example.query).error).toBeUndefined();
    });
  }

  it("GET /pagos: the search example is one the gateway's search grammar accepts (minimum filters included)", () => {
    const search = parseSearch(REQUEST_EXAMPLES['GET /pagos']!.query!);
    expect(search).toMatchObject({ page: 1, limit: 20 });
  });
});
