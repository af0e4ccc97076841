/** Request schemas of communities/update-cargo-residente. */
import { cargoResidenteBody } from './cargo-residente.js';
import { pathOf } from './fields.js';

export const schemas = { path: pathOf('id'), body: cargoResidenteBody };
