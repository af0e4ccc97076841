/** Request schemas of communities/get-cargo-residente. */
import { pathOf } from './fields.js';

export const schemas = { path: pathOf('id') };
