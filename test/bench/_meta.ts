import { build } from 'esbuild';
import { esbuildOptions } from '../../lib/bundling.js';
const entry = process.argv[2]!;
const r = await build({ ...esbuildOptions(entry, '/tmp/m.mjs'), write: true });
const out = Object.values(r.metafile!.outputs).find((o) => o.entryPoint)!;
const rows = Object.entries(out.inputs).filter(([p]) => !p.includes('node_modules')).map(([p, i]) => [p, i.bytesInOutput] as const).sort((a, b) => b[1] - a[1]);
let tot = 0; for (const [p, b] of rows) { tot += b; console.log(String(b).padStart(7), p); }
console.log('own code total', tot);
const nm = new Map<string, number>();
for (const [p, i] of Object.entries(out.inputs)) if (p.includes('node_modules')) { const m = p.split('node_modules/').pop()!.split('/').slice(0, p.split('node_modules/').pop()!.startsWith('@') ? 2 : 1).join('/'); nm.set(m, (nm.get(m) ?? 0) + i.bytesInOutput); }
for (const [m, b] of [...nm].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(String(b).padStart(7), m);
