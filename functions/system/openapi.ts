/**
 * The API reference as an OpenAPI 3.1 document (generated at build time by `npm run openapi` from
 * the route table, the request schemas and the dialects: lib/openapi). Public, like /health.
 */
import { publicEndpoint } from '../../shared/http/public-endpoint.js';
import { openapiRoute } from './routes.js';
import document from './openapi.json' with { type: 'json' };

export const handler = publicEndpoint(openapiRoute, {
  handle: async () => ({ data: document }),
});
