/**
 * A Spring Data `Page` as the original server's Jackson renders a `PageImpl` (seed 000 lists):
 * the content and counts, `pageable` and `sort`, so a client reading any of them finds it.
 */
export interface SpringSort {
  sorted: boolean;
  unsorted: boolean;
  empty: boolean;
}

const springSort = (sorted: boolean): SpringSort => ({ sorted, unsorted: !sorted, empty: !sorted });

export function springPage<T>(content: readonly T[], page: { number: number; size: number; totalElements: number; sorted: boolean }) {
  const { number, size, totalElements } = page;
  const totalPages = Math.ceil(totalElements / size);
  const sort = springSort(page.sorted);
  return {
    content,
    pageable: { pageNumber: number, pageSize: size, offset: number * size, paged: true, unpaged: false, sort },
    totalElements,
    totalPages,
    number,
    size,
    sort,
    numberOfElements: content.length,
    first: number === 0,
    last: number >= totalPages - 1,
    empty: content.length === 0,
  };
}
