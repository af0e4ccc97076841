/** Communities lists: plain arrays (as the original answers), with the partition's total in a header. */
import type { ListPage } from '../../store/paged-lists.js';
import type { CommunityStatement } from '../../ledger/communities/statements.js';
import type { Charge } from '../../domain/charges.js';
import { toCargo, toPagoComunidad } from './render.js';

export const TOTAL_HEADER = 'x-total-count';

/** A page rendered as a plain array, its total in `X-Total-Count`. */
export function renderList<T>(page: ListPage<T>, render: (item: T) => unknown) {
  return { data: page.items.map(render), headers: { [TOTAL_HEADER]: String(page.total) } };
}

export function renderCargos({ cargos, today }: { cargos: ListPage<Charge>; today: string }) {
  return renderList(cargos, (c) => toCargo(c, today));
}

/** `{cargos, pagos}`; each list is paged by the same `page`/`pageSize`, totals in X-Total-Cargos and X-Total-Pagos. */
export function renderStatement({ cargos, pagos, today }: CommunityStatement) {
  return {
    data: { cargos: cargos.items.map((c) => toCargo(c, today)), pagos: pagos.items.map(toPagoComunidad) },
    headers: { 'x-total-cargos': String(cargos.total), 'x-total-pagos': String(pagos.total) },
  };
}
