/** `redocly lint` (recommended rules) finds no error and no warning in the committed API document. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPENAPI_FILE } from '../../lib/openapi/generated.js';

const REDOCLY = resolve(import.meta.dirname, '../../node_modules/.bin/redocly');

describe('redocly lint', () => {
  it('passes functions/system/openapi.json with no problems', () => {
    const run = spawnSync(REDOCLY, ['lint', OPENAPI_FILE, '--format=json'], { encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });
    const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string }[] };
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(run.status).toBe(0);
  }, 30_000);
});
