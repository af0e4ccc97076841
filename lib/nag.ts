/**
 * cdk-nag 3 wiring. Rule packs are CDK policy-validation plugins: any unacknowledged finding (error or
 * warning) fails `cdk synth` and `app.synth()`. Findings we accept are acknowledged on the narrowest
 * construct that produces them, with one of the reasons below, so the audit trail reads in one place.
 */
import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** Every acknowledgement Caja makes, keyed by rule (granular findings are added with `[finding]`). */
export const NAG_REASONS = {
  'AwsSolutions-L1':
    'The Lambda runtime is fixed by the customer (SPEC §1: nodejs22.x); code must run on Node 20 and 22. Upgrade is a product decision, not a drift.',
  'AwsSolutions-IAM5':
    'Active X-Ray tracing (SPEC: operations) needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions: `*` is the only resource IAM accepts for them.',
  'AwsSolutions-COG2':
    'MFA is optional (TOTP offered to every user) rather than required: field and counter users (EMPLOYEE, VENTANA, VENDEDOR) sign in from shared devices; threat protection is ENFORCED on the PLUS plan to compensate.',
  'AwsSolutions-APIG4':
    'GET /health, GET /docs and GET /openapi.json are the only public routes (SPEC §4: health and the API docs answer without a token); they read nothing and return no tenant data. Every other route has the Cognito JWT authorizer.',
} as const;

export type NagRule = keyof typeof NAG_REASONS;

/** Acknowledge `rule` (optionally one granular finding of it) on `scope` and everything below it. */
export function acknowledge(scope: IConstruct, rule: NagRule, finding?: string): void {
  Validations.of(scope).acknowledge({
    id: finding === undefined ? rule : `${rule}[${finding}]`,
    reason: NAG_REASONS[rule],
  });
}

/** The packs Caja runs. Exported so tests can call `validateScope` on the same packs. */
export function nagPacks(app: App): AwsSolutionsChecks[] {
  return [new AwsSolutionsChecks(app, { verbose: true })];
}

/** Register the rule packs on the app (call once, before synth). */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(...nagPacks(app));
}
