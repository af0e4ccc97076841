/** Request schemas of communities/delete-pago-residente. */
import { pathOf } from './fields.js';

export const schemas = { path: pathOf('id') };
