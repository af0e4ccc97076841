/** `endpoint(route, spec)` for the accounts handlers: the shared pipeline answering in this dialect only. */
import { endpointIn } from '../../http/endpoint.js';
import { accounts } from './index.js';

export const endpoint = endpointIn(accounts);
