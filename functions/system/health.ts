import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';

export const handler = endpoint(findRoute('GET /health'), {
  handle: async () => ({ data: { status: 'ok' } }),
});
