/** `endpoint(route, spec)` for the workorders handlers: the shared pipeline answering in this dialect only. */
import { endpointIn } from '../../http/endpoint.js';
import { workorders } from './index.js';

export const endpoint = endpointIn(workorders);
