/**
 * The OpenAPI 3.1 document of every route of the route table, built from the code: request
 * schemas from each route's schema module, envelopes and error statuses from each API's dialect,
 * roles from the table, guides and seed examples from this folder. `npm run openapi` writes it to
 * functions/system/openapi.json, which GET /openapi.json serves.
 */
import type { Api } from '../../shared/apis.js';
import { apiOf, type Route, routeKey } from '../../shared/http/route.js';
import { errorResponseName, errorResponses, errorStatuses, successSchema, THROTTLED_RESPONSE } from './envelopes.js';
import { REQUEST_EXAMPLES } from './examples.js';
import { accessPatternsOf } from './access-patterns.js';
import { API_GUIDES } from './guides.js';
import { CACHE_BUSTER } from '../../shared/http/cache-buster.js';
import { jsonSchemaOf, parametersOf, type RequestSchemas, requestSchemasOf } from './request-schemas.js';

const SECURITY_SCHEME = 'cognitoAccessToken';

export const operationIdOf = (route: Pick<Route, 'handler'>) => route.handler.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase());

/** Creates answer 201 (and replay the first answer for a repeated Idempotency-Key); the rest 200. */
const isCreate = (route: Route) => route.method === 'POST' && /\/create-/.test(route.handler);

/** Every authenticated mutating route takes an Idempotency-Key header (README "Retrying writes"). */
const takesIdempotencyKey = (route: Route) => route.method !== 'GET' && route.roles !== 'public';

function rolesText(route: Route) {
  return route.roles === 'public' ? 'Public: no token needed.' : `Roles: ${route.roles.join(', ')}.`;
}

const errorStatusesOf = (route: Route, schemas: RequestSchemas) =>
  errorStatuses(apiOf(route), { hasBody: Boolean(schemas.body), isPublic: route.roles === 'public' });

/** The error responses the operations refer to, per API and status. */
function usedErrorResponses(routes: readonly { route: Route; schemas: RequestSchemas }[]) {
  const statusesByApi = new Map<Api, Set<number>>();
  for (const { route, schemas } of routes) {
    const statuses = statusesByApi.get(apiOf(route)) ?? new Set<number>();
    errorStatusesOf(route, schemas).forEach((s) => statuses.add(s));
    statusesByApi.set(apiOf(route), statuses);
  }
  return Object.assign({}, ...[...statusesByApi].map(([api, statuses]) => errorResponses(api, [...statuses])));
}

/** A query parameter with its value in the example; a free-form (exploded object) parameter takes the whole query. */
function withExample<P extends { name: string; style?: string }>(parameter: P, query: Readonly<Record<string, string>>) {
  if (parameter.style === 'form') return { ...parameter, example: query };
  return query[parameter.name] === undefined ? parameter : { ...parameter, example: query[parameter.name] };
}

function operation(route: Route, schemas: RequestSchemas) {
  const api = apiOf(route);
  const example = REQUEST_EXAMPLES[routeKey(route)];
  const isPublic = route.roles === 'public';
  const successStatus = isCreate(route) ? 201 : 200;
  const parameters = parametersOf(route, schemas).map((p) => (p.in === 'query' && example?.query ? withExample(p, example.query) : p));
  if (takesIdempotencyKey(route)) parameters.push({ $ref: '#/components/parameters/IdempotencyKey' } as never);
  if (route.method === 'GET') parameters.push({ $ref: '#/components/parameters/CacheBuster' } as never);
  return {
    operationId: operationIdOf(route),
    tags: [api],
    summary: `${route.method} ${route.path}`,
    description: `${rolesText(route)} Handler \`functions/${route.handler}.ts\`.`,
    'x-roles': isPublic ? [] : [...route.roles],
    ...(isPublic ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(schemas.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: jsonSchemaOf(schemas.body),
                ...(example?.body ? { examples: { seed: { summary: example.summary, value: example.body } } } : {}),
              },
            },
          },
        }
      : {}),
    ...(route.search ? { 'x-access-patterns': accessPatternsOf(route.search) } : {}),
    responses: {
      [successStatus]: {
        description: successStatus === 201 ? 'Created (a replayed Idempotency-Key answers the first result)' : 'OK',
        content: { 'application/json': { schema: successSchema(api, successStatus) } },
      },
      ...Object.fromEntries(errorStatusesOf(route, schemas).map((status) => [status, { $ref: `#/components/responses/${errorResponseName(api, status)}` }])),
      429: { $ref: '#/components/responses/Throttled' },
    },
  };
}

export async function openApiDocument(routes: readonly Route[]) {
  const withSchemas = await Promise.all(routes.map(async (route) => ({ route, schemas: await requestSchemasOf(route) })));
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { route, schemas } of withSchemas) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route, schemas) };
  }
  const apis = [...new Set(routes.map(apiOf))];
  return {
    openapi: '3.1.0',
    info: {
      title: 'Caja',
      version: '1',
      summary: 'A payments ledger served through several payment APIs',
      description:
        'One ledger of payments, charges and statements per tenant. Each API keeps its own envelope and errors (see its guide).\n\n' +
        'Request schemas are generated from the validators the handlers use (as a client sends them, before defaults and transforms). ' +
        'Checks JSON Schema cannot express, such as a real calendar date, are not in the schemas; the server enforces them with the API\'s 400.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/', description: 'This deployment' }],
    tags: apis.map((api) => {
      const guide = API_GUIDES[api as Api];
      if (!guide) throw new Error(`no guide for API ${api} (lib/openapi/guides.ts)`);
      return { name: api, 'x-displayName': guide.title, description: guide.guide };
    }),
    security: [{ [SECURITY_SCHEME]: [] }],
    paths,
    components: {
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito access token carrying the tenant and the roles (the `x-roles` of each operation).',
        },
      },
      responses: { ...usedErrorResponses(withSchemas), Throttled: THROTTLED_RESPONSE },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Repeat a create or a change safely: the same key and request answer the first result, and the change happens once; ' +
            'the same key with another request is a 422.',
          schema: { type: 'string', minLength: 8, maxLength: 100, pattern: '^[\\x21-\\x7E]+$' },
        },
        CacheBuster: {
          name: CACHE_BUSTER,
          in: 'query',
          required: false,
          description: "A browser's cache-buster (jQuery's `cache: false` sends `_=<timestamp>`): accepted and ignored on every GET.",
          schema: { type: 'string' },
        },
      },
    },
  };
}
