/** `endpoint(route, spec)` for the communities handlers: the shared pipeline answering in this dialect only. */
import { endpointIn } from '../../http/endpoint.js';
import { communities } from './index.js';

export const endpoint = endpointIn(communities);
