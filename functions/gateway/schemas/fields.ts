/** Fields several gateway routes' schemas share, as factories: each route builds only the schemas it uses. */
import * as z from 'zod/mini';

export const text = (max = 255) => z.string().check(z.minLength(1), z.maxLength(max));

export const idPath = () => z.strictObject({ id: z.string().check(z.regex(/^[1-9][0-9]{0,15}$/, 'Must be a numeric id')) });
