/**
 * The Caja stack synthesized for assertions, with lookups the infra tests share. Asset bundling is
 * skipped (`aws:cdk:bundling-stacks: []`): esbuild for every function takes a minute on a busy
 * machine and the template does not depend on it (bundling.test.ts bundles a real handler, `npx cdk
 * synth` bundles them all). Synthesis runs the cdk-nag packs of lib/nag.ts, so an unacknowledged
 * finding already fails here.
 */
import { App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Route, routeKey } from '../../functions/routes.js';
import { CajaStack, type CajaStackProps } from '../../lib/caja-stack.js';
import { PROJECT_ROOT } from '../../lib/constructs/caja-function.js';
import { addNagChecks } from '../../lib/nag.js';

export type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
export type Statement = { Action: string | string[]; Resource: unknown };
export const actionList = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

export function synthesizeCaja(props: CajaStackProps = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'caja-cdk-'));
  const { context } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  const app = new App({ outdir, context: { ...context, 'aws:cdk:bundling-stacks': [] } });
  const stack = new CajaStack(app, 'Caja', props);
  addNagChecks(app);
  const template = Template.fromStack(stack); // synthesizes and runs cdk-nag

  const logicalId = (construct: IConstruct): string => {
    const element = (construct.node.defaultChild ?? construct) as CfnElement;
    return stack.resolve(element.logicalId) as string;
  };
  const resource = (id: string): Resource => {
    const found = template.toJSON().Resources[id] as Resource | undefined;
    if (!found) throw new Error(`no resource ${id}`);
    return found;
  };
  const endpoint = (route: Route) => {
    const found = stack.api.endpoints.get(routeKey(route));
    if (!found) throw new Error(`no endpoint for ${routeKey(route)}`);
    return found;
  };
  /** The statements of the role policy of a route's function. */
  const statementsOf = (route: Route): Statement[] => {
    const policy = endpoint(route).fn.fn.role!.node.tryFindChild('DefaultPolicy');
    return policy ? (resource(logicalId(policy)).Properties.PolicyDocument.Statement as Statement[]) : [];
  };
  return {
    app,
    stack,
    template,
    logicalId,
    resource,
    endpoint,
    statementsOf,
    /** Every action granted by the role policy of a route's function. */
    actionsOf: (route: Route) => statementsOf(route).flatMap(actionList),
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

export type SynthesizedCaja = ReturnType<typeof synthesizeCaja>;
