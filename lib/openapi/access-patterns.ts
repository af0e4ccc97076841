/** The access patterns a search route is served by, from the store's query catalogue (`x-access-patterns`). */
import { CATALOGUE } from '../../shared/store/query/catalogue.js';

export function accessPatternsOf(realmName: string) {
  const realm = CATALOGUE.find((r) => r.name === realmName);
  if (!realm) throw new Error(`no catalogue realm ${realmName}`);
  return {
    projected: Object.keys(realm.fields),
    patterns: realm.patterns.map((p) =>
      p.kind === 'key'
        ? { lookup: 'item key', equalOrIn: [p.field, ...p.alongWith] }
        : { index: p.index, equalOrIn: p.partition, range: p.sort, rangeRequired: p.sortRequired },
    ),
  };
}
