/** Request schemas of communities/delete-cargo-residente. */
import { pathOf } from './fields.js';

export const schemas = { path: pathOf('id') };
