import { AssetHashType, DockerImage, Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ApplicationLogLevel, Architecture, Code, Function as LambdaFunction, LoggingFormat, Runtime, SystemLogLevel, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STORE_BUDGET } from '../../shared/store/budget.js';
import { buildSync } from 'esbuild';
import { LAMBDA_BUNDLING, splitEsbuildOptions } from '../bundling.js';
import { acknowledge } from '../nag.js';

/** Repository root (this file is lib/constructs/caja-function.ts). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FUNCTIONS_DIR = join(PROJECT_ROOT, 'functions');

/** The Lambda runtime fixed by SPEC §1. */
export const RUNTIME = Runtime.NODEJS_22_X;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const APPLICATION_LOG_LEVEL: Record<LogLevel, ApplicationLogLevel> = {
  debug: ApplicationLogLevel.DEBUG,
  info: ApplicationLogLevel.INFO,
  warn: ApplicationLogLevel.WARN,
  error: ApplicationLogLevel.ERROR,
};

export interface CajaFunctionProps {
  /** Module under functions/, without extension (e.g. `ledger/create-party`); it must export `handler`. */
  handler: string;
  description?: string;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
  /** Application log level: Lambda's filter and the LOG_LEVEL our logger reads (shared/http/logger.ts). Default info. */
  logLevel?: LogLevel;
  /** How long the function's logs are kept. Default one month. */
  logRetention?: RetentionDays;
  /** Deploy the bundle split into chunks (lib/bundling.ts splitEsbuildOptions), not as one file. */
  codeSplitting?: boolean;
}

/**
 * The code of a split bundle: esbuild run locally at synth (as NodejsFunction does; no Docker), the
 * asset hashed by its output. The image is required by the API and never pulled: local bundling
 * always succeeds or throws.
 */
function splitBundleCode(entry: string): Code {
  return Code.fromAsset(dirname(entry), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22'),
      local: {
        tryBundle(outputDir) {
          buildSync({ ...splitEsbuildOptions(entry, outputDir), logLevel: 'error' });
          return true;
        },
      },
    },
  });
}

/**
 * One Lambda function the Caja way: an ESM bundle with the AWS SDK inlined (no externals), Node 22 on arm64,
 * its own log group with retention, JSON log format with a level, active X-Ray tracing by the runtime
 * (no tracer library in the bundle), and its own role that can write only to that log group and to
 * X-Ray (no AWSLambdaBasicExecutionRole managed policy). Callers add grants to `fn`.
 */
export class CajaFunction extends Construct {
  readonly fn: LambdaFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: CajaFunctionProps) {
    super(scope, id);
    const entry = join(FUNCTIONS_DIR, `${props.handler}.ts`);
    if (!existsSync(entry)) {
      throw new Error(`handler module functions/${props.handler}.ts does not exist (needed by ${this.node.path})`);
    }

    this.logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention ?? RetentionDays.ONE_MONTH });
    const logLevel = props.logLevel ?? 'info';
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.handler}`,
    });
    this.logGroup.grantWrite(this.role);

    const common = {
      runtime: RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      // Room for the store's fault budget (shared/store/budget.ts): a slow store is a 503, never a Lambda timeout.
      timeout: props.timeout ?? Duration.seconds(STORE_BUDGET.functionTimeoutSeconds),
      description: props.description,
      role: this.role,
      logGroup: this.logGroup,
      // JSON: the runtime's own lines (START, REPORT, errors) become JSON like ours, and the level
      // filters them; our logger writes JSON lines to stdout itself and filters by LOG_LEVEL.
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: APPLICATION_LOG_LEVEL[logLevel],
      systemLogLevelV2: SystemLogLevel.WARN,
      tracing: Tracing.ACTIVE,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        LOG_LEVEL: logLevel,
        ...props.environment,
      },
    };
    this.fn = props.codeSplitting
      ? new LambdaFunction(this, 'Function', { ...common, handler: 'index.handler', code: splitBundleCode(entry) })
      : new NodejsFunction(this, 'Function', {
        ...common,
        entry,
        handler: 'handler',
        projectRoot: PROJECT_ROOT,
        depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
        bundling: { ...LAMBDA_BUNDLING, format: OutputFormat.ESM, mainFields: [...LAMBDA_BUNDLING.mainFields], externalModules: [...LAMBDA_BUNDLING.externalModules], esbuildArgs: { '--alias': [...LAMBDA_BUNDLING.esbuildArgs['--alias']] } },
      });
    acknowledge(this.fn, 'AwsSolutions-L1');
    // Active tracing grants xray:PutTraceSegments/PutTelemetryRecords, which take no resource ARN.
    acknowledge(this.role, 'AwsSolutions-IAM5', 'Resource::*');
  }
}
