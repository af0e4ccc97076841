/** `endpoint(route, spec)` for the receivables handlers: the shared pipeline answering in this dialect only. */
import { endpointIn } from '../../http/endpoint.js';
import { receivables } from './index.js';

export const endpoint = endpointIn(receivables);
