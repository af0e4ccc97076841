/** Request schemas of communities/create-cargo. */
import { cargoBody } from './cargo.js';
import { partyPathOf } from './fields.js';

export const schemas = { path: partyPathOf('contratoId'), body: cargoBody };
