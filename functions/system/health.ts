import { publicEndpoint } from '../../shared/http/public-endpoint.js';
import { findRoute } from '../routes.js';

export const handler = publicEndpoint(findRoute('GET /health'), {
  handle: async () => ({ data: { status: 'ok' } }),
});
