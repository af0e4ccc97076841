import { settingsView } from '../../shared/dialects/ledger/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { getTenantSettings } from '../../shared/ledger/settings/tenant-settings.js';
import { getSettingsRoute } from './routes.js';
import { schemas } from './schemas/get-settings.js';

export const handler = endpoint(getSettingsRoute, {
  ...schemas,
  handle: async ({ principal }) => ({ data: settingsView(await getTenantSettings(principal.tenant)) }),
});
