/** Request schemas of communities/update-payment-history. */
import { pathOf } from './fields.js';
import { historyUpdateBody } from './payment-history.js';

export const schemas = { path: pathOf('id'), body: historyUpdateBody() };
