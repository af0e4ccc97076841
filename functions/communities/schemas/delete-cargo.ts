/** Request schemas of communities/delete-cargo. */
import { pathOf } from './fields.js';

export const schemas = { path: pathOf('id') };
