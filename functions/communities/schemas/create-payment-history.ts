/** Request schemas of communities/create-payment-history. */
import { historyCreateBody } from './payment-history.js';

export const schemas = { body: historyCreateBody() };
