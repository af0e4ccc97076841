/** Request schemas of workorders/list-payments (named by the route table through its handler). */
import * as z from 'zod/mini';
import { queryInt } from '../../../shared/http/validation.js';
import { WORK_ORDER_SORT_FIELDS, type WorkOrderSort, type WorkOrderSortField } from '../../../shared/store/work-order-orders.js';

const SORT = new RegExp(`^(${WORK_ORDER_SORT_FIELDS.join('|')})(,(asc|desc))?$`, 'i');

/** Spring Data's `sort=field,asc|desc` (direction optional, ascending by default, any case): one field of the fixed list. */
const sort = z
  .string()
  .check(
    z.superRefine((value, ctx) => {
      const match = SORT.exec(value);
      if (match && (WORK_ORDER_SORT_FIELDS as readonly string[]).includes(match[1]!)) return;
      const [field = '', ...rest] = value.split(',');
      const message = !(WORK_ORDER_SORT_FIELDS as readonly string[]).includes(field)
        ? `Cannot sort by '${field}': one of ${WORK_ORDER_SORT_FIELDS.join(', ')}`
        : rest.length > 1
          ? 'One sort field only: field,asc or field,desc'
          : `Sort direction must be asc or desc, not '${rest[0]}'`;
      ctx.addIssue({ code: 'custom', message, input: value });
    }),
  );

const toSort = (value: string): WorkOrderSort => {
  const [field, direction = 'asc'] = value.split(',');
  return { field: field as WorkOrderSortField, direction: direction.toLowerCase() as WorkOrderSort['direction'] };
};

export const schemas = {
  query: z.strictObject({
    page: queryInt({ min: 0, max: 1_000_000, default: 0 }),
    size: queryInt({ min: 1, max: 100, default: 10 }),
    sort: z.optional(z.pipe(sort, z.transform(toSort))),
  }),
};
