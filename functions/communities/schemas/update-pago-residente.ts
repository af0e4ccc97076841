/** Request schemas of communities/update-pago-residente. */
import { pagoResidenteBody } from './pago-residente.js';
import { pathOf } from './fields.js';

export const schemas = { path: pathOf('id'), body: pagoResidenteBody };
