/** Runs in every test worker before its test files: handler modules read this environment lazily. */
import { stack } from '../support/context.js';

Object.assign(process.env, stack().env);
process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.LOG_LEVEL ??= 'warn';
