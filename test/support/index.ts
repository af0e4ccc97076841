export { type CajaTestStack, stack } from './context.js';
export { api, type ApiOptions, type ApiResponse } from './http.js';
export { DEFAULT_TEST_TENANT, ensureTenant, saveTenant } from './tenants.js';
export { invoke, type InvokeOptions, type InvokeResult } from './invoke.js';
export {
  algNoneToken,
  claimsFor,
  claimsOf,
  createUser,
  forgeToken,
  newTenant,
  signedToken,
  tamper,
  token,
  type TestTokenRequest,
} from './tokens.js';
