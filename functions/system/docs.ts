/**
 * The API docs, generated from the route table (the same source as the stack and the local
 * gateway): an OpenAPI 3.1 document listing every route, its API, the roles allowed and whether
 * it needs a token. Public, like /health.
 */
import { apiOf, findRoute, type Route, routes } from '../routes.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { CATALOGUE } from '../../shared/store/query/catalogue.js';

/** The access patterns a search route is served by, from the query catalogue. */
function accessPatterns(realmName: string) {
  const realm = CATALOGUE.find((r) => r.name === realmName);
  if (!realm) throw new Error(`no catalogue realm ${realmName}`);
  return {
    projected: Object.keys(realm.fields),
    patterns: realm.patterns.map((p) =>
      p.kind === 'key'
        ? { lookup: 'item key', equalOrIn: [p.field, ...p.alongWith] }
        : { index: p.index, equalOrIn: p.partition, range: p.sort, rangeRequired: p.sortRequired },
    ),
  };
}

const pathParameters = (path: string) =>
  [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));

function operation(route: Route) {
  const isPublic = route.roles === 'public';
  return {
    operationId: route.handler.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
    tags: [apiOf(route)],
    summary: route.handler,
    description: isPublic ? 'No token needed.' : `Roles: ${(route.roles as readonly string[]).join(', ')}.`,
    ...(pathParameters(route.path).length ? { parameters: pathParameters(route.path) } : {}),
    ...(isPublic ? { security: [] } : {}),
    responses: { default: { description: "The API's own envelope (see the README)" } },
    ...(route.search ? { 'x-access-patterns': accessPatterns(route.search) } : {}),
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes as readonly Route[]) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Caja', version: '1', description: 'One ledger of payments, charges and statements per tenant, served through several payment APIs.' },
    components: { securitySchemes: { cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT (Cognito access token)' } } },
    security: [{ cognito: [] }],
    paths,
  };
}

const document = openApiDocument();

export const handler = endpoint(findRoute('GET /docs'), {
  handle: async () => ({ data: document }),
});
