/** Request schemas of communities/create-pago-residente. */
import { pagoResidenteBody } from './pago-residente.js';

export const schemas = { body: pagoResidenteBody };
