/** Request schemas of communities/update-cargo. */
import { cargoBody } from './cargo.js';
import { pathOf } from './fields.js';

export const schemas = { path: pathOf('id'), body: cargoBody };
