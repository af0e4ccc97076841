/** `npm run openapi`: writes the API document and the docs page script (lib/openapi/generated.ts). */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { generatedFiles } from '../lib/openapi/generated.js';

for (const [file, text] of Object.entries(await generatedFiles())) {
  writeFileSync(file, text);
  console.log(`wrote ${relative(process.cwd(), file)} (${(Buffer.byteLength(text) / 1024).toFixed(1)} KB)`);
}
