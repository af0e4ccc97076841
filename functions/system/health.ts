import { endpoint } from '../../shared/http/endpoint.js';

export const handler = endpoint('GET /health', {
  handle: async () => ({ data: { status: 'ok' } }),
});
