/** Field schemas of the accounts requests (seed 001), shared by its routes' schemas. */
import * as z from 'zod/mini';
import { isValidDate, TIME_PATTERN } from '../../../shared/domain/dates.js';
import { idString, majorAmount } from '../../../shared/http/validation.js';

export const dateField = /* @__PURE__ */ z.string().check(z.refine(isValidDate, 'Must be a valid date (YYYY-MM-DD)'));
export const timeField = /* @__PURE__ */ z.string().check(z.regex(TIME_PATTERN, 'Must be a time HH:MM (24 h)'));
const entityId = () => z.optional(idString());
export const dimensionFields = { bancaId: entityId(), ventanaId: entityId(), vendedorId: entityId() };
export const money = (rule: 'positive' | 'non-negative') =>
  majorAmount(
    z.number('Must be a number').check(rule === 'positive' ? z.gt(0, 'Must be greater than 0') : z.gte(0, 'Must not be negative')),
    "Major units of the tenant's currency",
  );
