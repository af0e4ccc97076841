import { charges } from '../../store/charges.js';
import type { Charge } from '../model.js';

/** A charge of the tenant, or NotFound (another tenant's looks exactly the same). */
export const getCharge = (tenant: string, id: string): Promise<Charge> => charges.require(tenant, id);
