/** Request schemas of accounts/export (named by the route table through its handler). */
import * as z from 'zod/mini';
import { PERIOD_PRESETS } from '../../../shared/domain/accounts/period.js';
import { EXPORT_FORMATS } from '../../../shared/exports/report-table.js';
import { periodFields } from './fields.js';

/** `format=csv|excel|pdf` and item 9's period filters (a period is required: a date here is a preset). */
export const exportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS, `Must be one of ${EXPORT_FORMATS.join(', ')}`),
  date: z.optional(z.enum(PERIOD_PRESETS, `Must be one of ${PERIOD_PRESETS.join(', ')}`)),
  ...periodFields(),
});

export const schemas = { query: exportQuery };
