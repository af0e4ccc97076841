import { toCargoResidente } from '../../shared/dialects/communities/render-residents.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { getResidentCharge } from '../../shared/ledger/communities/resident-charges.js';
import { getCargoResidenteRoute } from './routes.js';
import { schemas } from './schemas/get-cargo-residente.js';

export const handler = endpoint(getCargoResidenteRoute, {
  ...schemas,
  handle: async ({ path, principal }) => ({ data: toCargoResidente(await getResidentCharge(principal, path.id)) }),
});
