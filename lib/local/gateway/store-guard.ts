/**
 * IAM for the store, locally: while a route's handler runs (through the local gateway or the tests'
 * `invoke`), every DynamoDB request it sends must be covered by the store operations its route names
 * (functions/routes.ts `store`, mapped by shared/store/permissions.ts, the mapping CDK grants from).
 * A request outside them fails with AccessDeniedException, as it would on AWS, instead of passing
 * here and failing only after deploy. Code outside a handler (seeding, test set-up) is not checked.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { routeKey, type Route } from '../../../shared/http/route.js';
import { db } from '../../../shared/store/client.js';
import { actionsOfRequest, grantedActions } from '../../../shared/store/permissions.js';

const currentRoute = new AsyncLocalStorage<Route>();
const guarded = new WeakSet<DynamoDBDocumentClient>();

export class StoreAccessDenied extends Error {
  override readonly name = 'AccessDeniedException';
  constructor(route: Route, actions: readonly string[]) {
    super(
      `${routeKey(route)} (functions/${route.handler}.ts) is not authorized to perform dynamodb:${actions.join(', dynamodb:')}: ` +
        `name the store operation on its route in functions/routes.ts (store: ${JSON.stringify(route.store)})`,
    );
  }
}

/** Adds the check to the process's DynamoDB client (once). */
function guard(client: DynamoDBDocumentClient): void {
  if (guarded.has(client)) return;
  guarded.add(client);
  client.middlewareStack.add(
    // Initialize step: the input is still the document-client input, with TransactItems by kind.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (next: any, context: any) => async (args: any) => {
      const route = currentRoute.getStore();
      if (route) {
        const operation = String(context.commandName ?? '').replace(/Command$/, '');
        const granted = grantedActions(route.store);
        const denied = actionsOfRequest(operation, args.input ?? {}).filter((action) => !granted.has(action));
        if (denied.length > 0) {
          const error = new StoreAccessDenied(route, denied);
          // The handler turns it into a 5xx; say why where the developer looks.
          process.stderr.write(`store guard: ${error.message}\n`);
          throw error;
        }
      }
      return next(args);
    },
    { step: 'initialize', name: 'cajaStoreGuard' },
  );
}

/** Runs `call` (one invocation of the route's handler) with the route's store grant enforced. */
export function asRoute<T>(route: Route, call: () => T): T {
  guard(db());
  return currentRoute.run(route, call);
}
