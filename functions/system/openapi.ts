/**
 * The API reference as an OpenAPI 3.1 document (generated at build time by `npm run openapi` from
 * the route table, the request schemas and the dialects: lib/openapi). Public, like /health.
 */
import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import document from './openapi.json' with { type: 'json' };

export const handler = endpoint(findRoute('GET /openapi.json'), {
  handle: async () => ({ data: document }),
});
