/**
 * The docs page: Redoc rendering /openapi.json, grouped by API with each API's guide. The Redoc
 * script (from the redoc npm package, wrapped by `npm run openapi`) is inlined, so the page loads
 * nothing from anywhere but its own origin; the Content-Security-Policy allows exactly that.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createHash } from 'node:crypto';
import { SECURITY_HEADERS } from '../../shared/http/response.js';
import redoc from './redoc.json' with { type: 'json' };

const REDOC_OPTIONS = {
  hideDownloadButton: false,
  expandResponses: '200,201',
  pathInMiddlePanel: true,
  theme: { typography: { fontFamily: 'system-ui, sans-serif', headings: { fontFamily: 'system-ui, sans-serif' }, code: { fontFamily: 'ui-monospace, monospace' } } },
};

/** Relative, so the page works under any host and stage. */
const START = `Redoc.init('openapi.json', ${JSON.stringify(REDOC_OPTIONS)}, document.getElementById('reference'));`;

/** A `</script` inside the script would end the tag early; escaped, it means the same to the parser. */
const REDOC_SCRIPT = redoc.script.replace(/<\/script/gi, '<\\/script');

const sha256 = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${sha256(REDOC_SCRIPT)} ${sha256(START)}`,
  // Redoc injects its styles at run time (styled-components) and runs its search index in a blob worker.
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  'worker-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Caja API reference</title>
<link rel="icon" href="data:,">
</head>
<body>
<div id="reference"></div>
<script>${REDOC_SCRIPT}</script>
<script>${START}</script>
</body>
</html>
`;

export const handler = async (): Promise<APIGatewayProxyStructuredResultV2> => ({
  statusCode: 200,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    ...SECURITY_HEADERS,
  },
  body: PAGE,
});
