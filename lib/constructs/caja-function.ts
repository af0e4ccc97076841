import { Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STORE_BUDGET } from '../../shared/store/budget.js';
import { LAMBDA_BUNDLING } from '../bundling.js';
import { acknowledge } from '../nag.js';

/** Repository root (this file is lib/constructs/caja-function.ts). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FUNCTIONS_DIR = join(PROJECT_ROOT, 'functions');

/** The Lambda runtime fixed by SPEC §1. */
export const RUNTIME = Runtime.NODEJS_22_X;


export interface CajaFunctionProps {
  /** Module under functions/, without extension (e.g. `ledger/create-party`); it must export `handler`. */
  handler: string;
  description?: string;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
}

/**
 * One Lambda function the Caja way: an ESM bundle with the AWS SDK inlined (no externals), Node 22 on arm64,
 * its own log group with retention, and its own role that can write only to that log group (no
 * AWSLambdaBasicExecutionRole managed policy). Callers add grants to `fn`.
 */
export class CajaFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: CajaFunctionProps) {
    super(scope, id);
    const entry = join(FUNCTIONS_DIR, `${props.handler}.ts`);
    if (!existsSync(entry)) {
      throw new Error(`handler module functions/${props.handler}.ts does not exist (needed by ${this.node.path})`);
    }

    this.logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.handler}`,
    });
    this.logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, 'Function', {
      entry,
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      runtime: RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      // Room for the store's fault budget (shared/store/budget.ts): a slow store is a 503, never a Lambda timeout.
      timeout: props.timeout ?? Duration.seconds(STORE_BUDGET.functionTimeoutSeconds),
      description: props.description,
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: { ...LAMBDA_BUNDLING, format: OutputFormat.ESM, mainFields: [...LAMBDA_BUNDLING.mainFields], externalModules: [...LAMBDA_BUNDLING.externalModules] },
    });
    acknowledge(this.fn, 'AwsSolutions-L1');
  }
}
