/**
 * CloudFormation's per-template limits, on every stack the app synthesizes: the parent and the nested
 * stack of each route group (lib/route-groups.ts). A template may hold 500 resources, 200 outputs and
 * 200 parameters, and a nested template 1 MB. Caja keeps each stack under a budget of 400 resources,
 * and each route group with room for twice its routes: a route costs the same resources wherever it
 * is (RouteEndpoint: function, role, policy, log group, permission, integration, route, four alarms),
 * so a group's capacity is (budget − what the group's stack holds besides its routes) / cost per route.
 *
 * When a group outgrows it, split its API by resource (SPLIT_BY_RESOURCE in lib/route-groups.ts):
 * the parent does not grow with routes, only by a few resources per group.
 *
 * Called by caja-stack.test.ts on its synthesis (one synthesis per run).
 */
import { CfnResource } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes as routeTable, type Route } from '../../functions/routes.js';
import { routeGroupOf } from '../../lib/route-groups.js';
import type { SynthesizedCaja } from './synthesized.js';

const routes = routeTable as readonly Route[];
/** Resources per stack Caja allows itself; CloudFormation's limit is 500. */
export const STACK_RESOURCE_BUDGET = 400;
const CLOUDFORMATION = { resources: 500, outputs: 200, parameters: 200, nestedTemplateBytes: 1_000_000 } as const;
/** How many times today's routes each group must have room for. */
const GROWTH = 2;

export function describeStackBudget(synthesized: () => SynthesizedCaja): void {
  let caja: SynthesizedCaja;
  beforeAll(() => {
    caja = synthesized();
  });

  const counts = () =>
    caja.stacks.map((stack) => {
      const template = caja.templateOf(stack);
      return {
        stack,
        resources: Object.keys(template.Resources).length,
        outputs: Object.keys(template.Outputs ?? {}).length,
        parameters: Object.keys(template.Parameters ?? {}).length,
        bytes: JSON.stringify(template).length,
      };
    });

  describe('stack budget', () => {
    it(`keeps every stack under ${STACK_RESOURCE_BUDGET} resources (CloudFormation allows ${CLOUDFORMATION.resources})`, () => {
      expect(STACK_RESOURCE_BUDGET).toBeLessThan(CLOUDFORMATION.resources);
      for (const { stack, resources } of counts()) expect(resources, stack.node.path).toBeLessThanOrEqual(STACK_RESOURCE_BUDGET);
    });

    it('puts every route in the nested stack of its group, and none in the parent', () => {
      expect(caja.stack.apiStacks.length).toBe(new Set(routes.map(routeGroupOf)).size);
      for (const apiStack of caja.stack.apiStacks) {
        for (const endpoint of apiStack.endpoints) expect(routeGroupOf(endpoint.route)).toBe(apiStack.group);
      }
      const parent = caja.templateOf(caja.stack).Resources;
      const types = Object.values(parent).map((r) => r.Type);
      expect(types.filter((t) => t === 'AWS::ApiGatewayV2::Route' || t === 'AWS::ApiGatewayV2::Integration')).toEqual([]);
      expect(types.filter((t) => t === 'AWS::Lambda::Function').length).toBe(1); // the pre-token-generation trigger
    });

    it(`leaves every route group room for ${GROWTH}× its routes`, () => {
      for (const apiStack of caja.stack.apiStacks) {
        const total = Object.keys(caja.templateOf(apiStack).Resources).length;
        const perRoute = apiStack.endpoints.map((e) => e.node.findAll().filter((c) => CfnResource.isCfnResource(c)).length);
        const besides = total - perRoute.reduce((a, b) => a + b, 0);
        const cost = Math.max(...perRoute);
        const capacity = Math.floor((STACK_RESOURCE_BUDGET - besides) / cost);
        const label = `${apiStack.group}: ${apiStack.endpoints.length} routes of ${cost} resources + ${besides} → room for ${capacity} routes`;
        expect(cost, label).toBeGreaterThan(0);
        expect(besides, label).toBeGreaterThanOrEqual(0);
        expect(capacity, `${label}; split the API by resource (lib/route-groups.ts)`).toBeGreaterThanOrEqual(GROWTH * apiStack.endpoints.length);
      }
    });

    it(`keeps outputs, parameters and template size within CloudFormation's limits at ${GROWTH}× the routes`, () => {
      for (const { stack, outputs, parameters, bytes } of counts()) {
        // Nested stacks output one function name per route (the parent's dashboard graphs it); the rest does not grow with routes.
        expect(GROWTH * outputs, stack.node.path).toBeLessThanOrEqual(CLOUDFORMATION.outputs);
        expect(parameters, stack.node.path).toBeLessThanOrEqual(CLOUDFORMATION.parameters);
        expect(GROWTH * bytes, stack.node.path).toBeLessThanOrEqual(CLOUDFORMATION.nestedTemplateBytes);
      }
    });
  });
}
