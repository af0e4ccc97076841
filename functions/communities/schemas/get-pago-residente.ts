/** Request schemas of communities/get-pago-residente. */
import { pathOf } from './fields.js';

export const schemas = { path: pathOf('id') };
