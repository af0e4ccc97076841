import { parties } from '../../store/parties.js';
import type { Party } from '../model.js';

/** A party of the tenant, or NotFound (another tenant's looks exactly the same). */
export const getParty = (tenant: string, id: string): Promise<Party> => parties.require(tenant, id);
