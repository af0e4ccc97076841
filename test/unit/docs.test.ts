import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../functions/system/docs.js';
import { routes } from '../../functions/routes.js';

describe('API docs from the route table', () => {
  const doc = openApiDocument();

  it('lists every route once, with its roles, and marks only health and docs as public', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op: op as { security?: unknown[]; description: string } })),
    );
    expect(operations.map((o) => o.key).sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    expect(operations.filter((o) => o.op.security?.length === 0).map((o) => o.key).sort()).toEqual(['GET /docs', 'GET /health']);
    const createPago = operations.find((o) => o.key === 'POST /api/pagos')!;
    expect(createPago.op.description).toBe('Roles: ADMIN, EMPLOYEE.');
  });

  it('declares path parameters', () => {
    const op = doc.paths['/api/pagos/pendiente/{pendienteId}']!.get as { parameters: { name: string }[] };
    expect(op.parameters.map((p) => p.name)).toEqual(['pendienteId']);
  });
});
