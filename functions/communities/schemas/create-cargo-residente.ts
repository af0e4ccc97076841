/** Request schemas of communities/create-cargo-residente. */
import { cargoResidenteBody } from './cargo-residente.js';

export const schemas = { body: cargoResidenteBody };
