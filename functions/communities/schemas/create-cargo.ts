/** Request schemas of communities/create-cargo. */
import { cargoBody } from './cargo.js';
import { pathOf } from './fields.js';

export const schemas = { path: pathOf('contratoId'), body: cargoBody };
