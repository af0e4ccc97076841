/**
 * Where `npm run tenant` creates a tenant: the running local stack (`npm start`: DynamoDB Local and
 * the local issuer's user list), or a deployed stack on AWS with the operator's credentials (the
 * table, and the Cognito user pool through AdminCreateUser). A target is the handler environment
 * the store reads, plus how the tenant's first user is made.
 */
import { readFileSync } from 'node:fs';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { createPoolUser } from '../../shared/users/cognito.js';
import { createUser, type DirectoryUser, type NewUser } from '../../shared/users/directory.js';
import { LOCAL_CREDENTIALS } from '../local/dynamodb.js';
import { type LocalState, readStateFile, stackEnv } from '../local/stack.js';

export interface Target {
  /** Where, for the operator: `local (http://localhost:3000)` or `AWS stack Caja (us-east-1)`. */
  where: string;
  aws: boolean;
  /** Base URL of the API. */
  apiUrl: string;
  env: Record<string, string>;
  /** Creates the user; on AWS with `temporaryPassword` (Cognito also emails it). */
  createUser(user: NewUser, temporaryPassword?: string): Promise<DirectoryUser>;
}

export class TargetError extends Error {}

/** The stack `npm start` runs, from the state file it writes. */
export function localTarget(state: LocalState | undefined = readStateFile()): Target {
  if (!state?.dynamodbEndpoint || !state.tableName) throw new TargetError('Caja is not running locally: start it with npm start (or pass --aws)');
  return {
    where: `local (${state.baseUrl})`,
    aws: false,
    apiUrl: state.baseUrl,
    env: {
      ...stackEnv({ tableName: state.tableName, dynamodbEndpoint: state.dynamodbEndpoint, issuerUrl: state.issuerUrl, clientId: state.clientId }),
      // DynamoDB Local takes any credentials; the operator's own are left alone.
      AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? LOCAL_CREDENTIALS.secretAccessKey,
    },
    createUser: (user) => createUser(user),
  };
}

/** The outputs CajaStack declares (lib/caja-stack.ts) that onboarding needs. */
export const REQUIRED_OUTPUTS = ['TableName', 'UserPoolId', 'UserPoolClientId', 'AuthIssuer', 'ApiUrl'] as const;
export type StackOutputs = Record<(typeof REQUIRED_OUTPUTS)[number], string>;

export interface AwsTargetOptions {
  stack: string;
  /** `cdk deploy --outputs-file` JSON; without it, CloudFormation DescribeStacks. */
  outputsFile?: string | undefined;
  region?: string | undefined;
}

/** The region of a Cognito issuer URL (`https://cognito-idp.<region>.amazonaws.com/<pool>`). */
const regionOfIssuer = (issuer: string) => /^https:\/\/cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\//.exec(issuer)?.[1];

export async function stackOutputs(options: AwsTargetOptions): Promise<StackOutputs> {
  let outputs: Record<string, string> | undefined;
  if (options.outputsFile) {
    let file: Record<string, Record<string, string>>;
    try {
      file = JSON.parse(readFileSync(options.outputsFile, 'utf8')) as typeof file;
    } catch (error) {
      throw new TargetError(`cannot read ${options.outputsFile}: ${error instanceof Error ? error.message : String(error)}`);
    }
    outputs = file[options.stack];
    if (!outputs) throw new TargetError(`${options.outputsFile} has no outputs of stack ${options.stack} (stacks: ${Object.keys(file).join(', ') || 'none'})`);
  } else {
    const region = options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
    const cloudFormation = new CloudFormationClient(region ? { region } : {});
    const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: options.stack }));
    outputs = Object.fromEntries((Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
  }
  const missing = REQUIRED_OUTPUTS.filter((name) => !outputs[name]);
  if (missing.length) throw new TargetError(`stack ${options.stack} has no output ${missing.join(', ')}: is it a deployed Caja stack?`);
  return outputs as StackOutputs;
}

/** A deployed stack, reached with the operator's AWS credentials (the SDK's default chain). */
export async function awsTarget(options: AwsTargetOptions): Promise<Target & { outputs: StackOutputs; region: string }> {
  const outputs = await stackOutputs(options);
  const region = options.region ?? regionOfIssuer(outputs.AuthIssuer) ?? process.env.AWS_REGION;
  if (!region) throw new TargetError('no AWS region: pass --region');
  const poolId = outputs.UserPoolId;
  return {
    where: `AWS stack ${options.stack} (${region})`,
    aws: true,
    apiUrl: outputs.ApiUrl.replace(/\/+$/, ''),
    outputs,
    region,
    env: {
      TABLE_NAME: outputs.TableName,
      AWS_REGION: region,
      AUTH_ISSUER: outputs.AuthIssuer,
      AUTH_CLIENT_ID: outputs.UserPoolClientId,
      USER_POOL_ID: poolId,
    },
    createUser: (user, temporaryPassword) => createPoolUser(poolId, user, region, temporaryPassword !== undefined ? { temporaryPassword } : {}),
  };
}
