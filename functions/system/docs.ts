/**
 * The API docs, generated from the route table (the same source as the stack and the local
 * gateway): an OpenAPI 3.1 document listing every route, its API, the roles allowed and whether
 * it needs a token. Public, like /health.
 */
import { apiOf, findRoute, type Route, routes } from '../routes.js';
import { endpoint } from '../../shared/http/endpoint.js';

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
