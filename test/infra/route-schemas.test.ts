/** Every route names its request schemas through the route table: one module per route, beside its handler. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes.js';
import { schemaModuleOf } from '../../shared/http/route.js';

describe('route schemas', () => {
  for (const route of routes) {
    const module = schemaModuleOf(route);
    if (!module) continue;
    it(`${route.method} ${route.path} has functions/${module}.ts exporting its schemas`, async () => {
      const file = resolve(import.meta.dirname, '../../functions', `${module}.ts`);
      expect(existsSync(file)).toBe(true);
      const { schemas } = (await import(file)) as { schemas?: Record<string, unknown> };
      expect(schemas).toBeTypeOf('object');
      expect(Object.keys(schemas ?? {}).every((k) => ['body', 'query', 'path'].includes(k))).toBe(true);
    });
  }
});
