/**
 * Every route names its request schemas through the route table: one module per route, beside its
 * handler; and every handler takes its own entry of the table from its API's route module, never the
 * whole table (functions/routes.ts), so no function bundle carries the other routes.
 */
import { existsSync, readFileSync } from 'node:fs';
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

describe('route entries', () => {
  const FUNCTIONS = resolve(import.meta.dirname, '../../functions');
  for (const route of routes) {
    it(`${route.method} ${route.path}: functions/${route.handler}.ts imports its own entry only`, async () => {
      const [api] = route.handler.split('/');
      const source = readFileSync(resolve(FUNCTIONS, `${route.handler}.ts`), 'utf8');
      expect(source).not.toMatch(/from '\.\.\/routes\.js'/);
      const imported = [...source.matchAll(/import \{ ([^}]+) \} from '\.\/routes\.js'/g)].flatMap((m) => m[1]!.split(',').map((n) => n.trim()));
      // The docs page is a plain handler (no pipeline, no route needed).
      if (route.handler === 'system/docs') return expect(imported).toEqual([]);
      expect(imported).toHaveLength(1);
      const entries = (await import(resolve(FUNCTIONS, api!, 'routes.ts'))) as Record<string, unknown>;
      expect(entries[imported[0]!]).toBe(route);
    });
  }
});
