import { publicEndpoint } from '../../shared/http/public-endpoint.js';
import { healthRoute } from './routes.js';

export const handler = publicEndpoint(healthRoute, {
  handle: async () => ({ data: { status: 'ok' } }),
});
