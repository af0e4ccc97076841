/** `endpoint(route, spec)` for the ledger handlers: the shared pipeline answering in this dialect only. */
import { endpointIn } from '../../http/endpoint.js';
import { ledger } from './index.js';

export const endpoint = endpointIn(ledger);
