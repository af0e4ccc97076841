import type { Party } from '../domain/parties.js';
import { entityStore } from './entities.js';
import { indexKeys, keys } from './keys.js';

export const parties = entityStore<Party>({
  type: 'PARTY',
  label: 'Party',
  key: keys.party,
  indexes: (t, p) => ({
    gsi1pk: indexKeys.parties(t),
    gsi1sk: `${p.kind}#${p.id}`,
    gsi2pk: p.parentId ? indexKeys.children(t, p.parentId) : undefined,
    gsi2sk: p.parentId ? `${p.kind}#${p.id}` : undefined,
  }),
});
