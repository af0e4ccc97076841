import { settingsView } from '../../shared/dialects/ledger/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { actorOf } from '../../shared/ledger/context.js';
import { updateTenantSettings } from '../../shared/ledger/settings/tenant-settings.js';
import { updateSettingsRoute } from './routes.js';
import { schemas } from './schemas/update-settings.js';

export const handler = endpoint(updateSettingsRoute, {
  ...schemas,
  handle: async ({ body, principal }) => ({ data: settingsView(await updateTenantSettings(actorOf(principal), body)) }),
});
