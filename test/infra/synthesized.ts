/**
 * The Caja stack synthesized for assertions, with lookups the infra tests share. Asset bundling is
 * skipped (`aws:cdk:bundling-stacks: []`): esbuild for every function takes a minute on a busy
 * machine and the template does not depend on it (bundling.test.ts bundles a real handler, `npx cdk
 * synth` bundles them all). Synthesis runs the cdk-nag packs of lib/nag.ts, so an unacknowledged
 * finding already fails here.
 *
 * The routes live in nested stacks (lib/route-groups.ts), so the lookups below read the template of
 * the stack a construct is in, and `inParent` shows a nested template's value the way the parent
 * passes it (a parameter becomes the parent's `Ref`/`Fn::GetAtt`), so assertions compare one form.
 */
import { App, type CfnElement, type NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Route, routeKey } from '../../functions/routes.js';
import { CajaStack, type CajaStackProps } from '../../lib/caja-stack.js';
import { PROJECT_ROOT } from '../../lib/constructs/caja-function.js';
import { addNagChecks } from '../../lib/nag.js';

export type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string; DependsOn?: string[] };
export type Statement = { Action: string | string[]; Resource: unknown };
export const actionList = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

export function synthesizeCaja(props: CajaStackProps = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'caja-cdk-'));
  const { context } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  const app = new App({ outdir, context: { ...context, 'aws:cdk:bundling-stacks': [] } });
  const stack = new CajaStack(app, 'Caja', props);
  addNagChecks(app);
  const template = Template.fromStack(stack); // synthesizes and runs cdk-nag
  /** The parent first, then the nested stacks of the route groups. */
  const stacks: Stack[] = [stack, ...stack.apiStacks];
  const templates = new Map(stacks.map((s) => [s, s === stack ? template : Template.fromStack(s)]));
  const templateOf = (s: Stack) => templates.get(s)!.toJSON() as { Resources: Record<string, Resource>; Parameters?: Record<string, unknown>; Outputs?: Record<string, unknown> };

  const elementOf = (construct: IConstruct) => (construct.node.defaultChild ?? construct) as CfnElement;
  const logicalId = (construct: IConstruct): string => {
    const element = elementOf(construct);
    return Stack.of(element).resolve(element.logicalId) as string;
  };
  /** A resource by `stackPath/logicalId` (the keys of `findResources`). */
  const resource = (key: string): Resource => {
    const at = key.lastIndexOf('/');
    const owner = stacks.find((s) => s.node.path === key.slice(0, at));
    const found = owner && templateOf(owner).Resources[key.slice(at + 1)];
    if (!found) throw new Error(`no resource ${key}`);
    return found;
  };
  /** The resource a construct renders, from the template of its own stack. */
  const resourceOf = (construct: IConstruct): Resource => resource(`${Stack.of(elementOf(construct)).node.path}/${logicalId(construct)}`);
  /** Every resource of a type in every template, keyed `stackPath/logicalId`. */
  const findResources = (type: string): Record<string, Resource> =>
    Object.fromEntries(
      stacks.flatMap((s) => Object.entries(templates.get(s)!.findResources(type) as Record<string, Resource>).map(([id, r]) => [`${s.node.path}/${id}`, r])),
    );
  const countResources = (type: string) => Object.keys(findResources(type)).length;

  /** `value` from the template of `construct`'s stack as the parent stack sees it: nested parameters replaced by what the parent passes. */
  const inParent = (construct: IConstruct, value: unknown): unknown => {
    const owner = Stack.of(elementOf(construct));
    if (owner === stack) return value;
    const nested = owner as NestedStack;
    const passed = resourceOf(nested.nestedStackResource!).Properties.Parameters as Record<string, unknown>;
    const declared = templateOf(owner).Parameters ?? {};
    const walk = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(walk);
      if (v === null || typeof v !== 'object') return v;
      const ref = (v as { Ref?: unknown }).Ref;
      if (typeof ref === 'string' && Object.keys(v).length === 1 && ref in declared) return passed[ref];
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    };
    return walk(value);
  };

  const endpoint = (route: Route) => {
    const found = stack.endpoints.get(routeKey(route));
    if (!found) throw new Error(`no endpoint for ${routeKey(route)}`);
    return found;
  };
  /** The statements of the role policy of a route's function, as the parent passes their resources. */
  const statementsOf = (route: Route): Statement[] => {
    const policy = endpoint(route).fn.fn.role!.node.tryFindChild('DefaultPolicy');
    return policy ? (inParent(policy, resourceOf(policy).Properties.PolicyDocument.Statement) as Statement[]) : [];
  };
  return {
    app,
    stack,
    stacks,
    template,
    templateOf,
    logicalId,
    resource,
    resourceOf,
    findResources,
    countResources,
    inParent,
    endpoint,
    statementsOf,
    /** Every action granted by the role policy of a route's function. */
    actionsOf: (route: Route) => statementsOf(route).flatMap(actionList),
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

export type SynthesizedCaja = ReturnType<typeof synthesizeCaja>;
