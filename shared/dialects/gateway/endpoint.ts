/** `endpoint(route, spec)` for the gateway handlers: the shared pipeline answering in this dialect only. */
import { endpointIn } from '../../http/endpoint.js';
import { gateway } from './index.js';

export const endpoint = endpointIn(gateway);
