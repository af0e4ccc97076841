/** The handler of a public route (health, the API reference): the shared pipeline without token, tenant or store. */
import { ledger } from '../dialects/ledger/index.js';
import type { Route } from './route.js';
import { type EndpointSpec, pipeline } from './pipeline.js';

export function publicEndpoint<B = undefined, Q = undefined, P = undefined>(route: Route, spec: EndpointSpec<B, Q, P>) {
  if (route.roles !== 'public') throw new Error(`${route.method} ${route.path} is not public: build it with endpoint()`);
  // The system routes answer in the ledger API's envelope.
  return pipeline(route, ledger, spec);
}
