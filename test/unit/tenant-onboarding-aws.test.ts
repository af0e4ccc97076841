/**
 * `npm run tenant -- create --aws` without AWS: the SDK clients stubbed with aws-sdk-client-mock, the
 * requests they would send checked (stack outputs, the settings transaction, AdminCreateUser + group).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { AdminAddUserToGroupCommand, AdminCreateUserCommand, AdminDeleteUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TenantRequest } from '../../lib/onboarding/onboard.js';

// The store keeps one client per process, bound to the stub it was made with, and reset() makes new
// stubs: so each test imports the CLI's modules afresh (the SDK itself stays loaded, and stubbed).
let onboardTenant: typeof import('../../lib/onboarding/onboard.js').onboardTenant;
let awsTarget: typeof import('../../lib/onboarding/targets.js').awsTarget;
let stackOutputs: typeof import('../../lib/onboarding/targets.js').stackOutputs;

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const cloudFormation = mockClient(CloudFormationClient);
const cognito = mockClient(CognitoIdentityProviderClient);
const dynamo = mockClient(DynamoDBDocumentClient);

const OUTPUTS = {
  ApiUrl: 'https://abc123.execute-api.sa-east-1.amazonaws.com/',
  UserPoolId: 'sa-east-1_AbCdEf123',
  UserPoolClientId: '4k1example2client',
  AuthIssuer: 'https://cognito-idp.sa-east-1.amazonaws.com/sa-east-1_AbCdEf123',
  TableName: 'Caja-TableCD117FA1-XYZ',
  AlarmTopicArn: 'arn:aws:sns:sa-east-1:123456789012:Caja-Alarms',
};

const request: TenantRequest = {
  id: 'acme-pe',
  name: 'Acme Perú SAC',
  currency: 'PEN',
  timeZone: 'America/Lima',
  country: 'PE',
  taxId: '20100070970',
  adminEmail: 'admin@acme.example',
};

const describeStacks = () =>
  cloudFormation.on(DescribeStacksCommand, { StackName: 'Caja' }).resolves({
    Stacks: [{ StackName: 'Caja', CreationTime: new Date(), StackStatus: 'CREATE_COMPLETE', Outputs: Object.entries(OUTPUTS).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })) }],
  });

beforeEach(async () => {
  cloudFormation.reset();
  cognito.reset();
  dynamo.reset();
  vi.resetModules();
  ({ onboardTenant } = await import('../../lib/onboarding/onboard.js'));
  ({ awsTarget, stackOutputs } = await import('../../lib/onboarding/targets.js'));
});
afterEach(() => {
  for (const name of ['TABLE_NAME', 'USER_POOL_ID', 'AUTH_ISSUER', 'AUTH_CLIENT_ID', 'DYNAMODB_ENDPOINT']) delete process.env[name];
});

describe('the deployed stack as target', () => {
  it('reads the outputs from CloudFormation, the region from the issuer', async () => {
    describeStacks();
    const target = await awsTarget({ stack: 'Caja' });
    expect(target.region).toBe('sa-east-1');
    expect(target.apiUrl).toBe('https://abc123.execute-api.sa-east-1.amazonaws.com');
    expect(target.env).toEqual({
      TABLE_NAME: OUTPUTS.TableName,
      AWS_REGION: 'sa-east-1',
      AUTH_ISSUER: OUTPUTS.AuthIssuer,
      AUTH_CLIENT_ID: OUTPUTS.UserPoolClientId,
      USER_POOL_ID: OUTPUTS.UserPoolId,
    });
  });

  it('reads them from `cdk deploy --outputs-file` instead, without calling CloudFormation', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'caja-outputs-')), 'cdk-outputs.json');
    writeFileSync(file, JSON.stringify({ CajaStaging: OUTPUTS }));
    expect((await stackOutputs({ stack: 'CajaStaging', outputsFile: file })).TableName).toBe(OUTPUTS.TableName);
    await expect(stackOutputs({ stack: 'Caja', outputsFile: file })).rejects.toThrow(/no outputs of stack Caja \(stacks: CajaStaging\)/);
    expect(cloudFormation.calls()).toHaveLength(0);
  });

  it('names the outputs a stack lacks', async () => {
    cloudFormation.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 'Other', CreationTime: new Date(), StackStatus: 'CREATE_COMPLETE', Outputs: [] }] });
    await expect(awsTarget({ stack: 'Other' })).rejects.toThrow(/no output TableName, UserPoolId, UserPoolClientId, AuthIssuer, ApiUrl/);
  });
});

describe('tenant create --aws', () => {
  it('writes the settings with their audit entry in one transaction, then AdminCreateUser with a temporary password and the ADMIN group', async () => {
    describeStacks();
    dynamo.on(TransactWriteCommand).resolves({});
    cognito.on(AdminCreateUserCommand).resolves({ User: { Username: request.adminEmail, Attributes: [{ Name: 'sub', Value: 'sub-123' }] } });
    cognito.on(AdminAddUserToGroupCommand).resolves({});

    const done = await onboardTenant(request, await awsTarget({ stack: 'Caja' }));

    expect(done.created).toBe(true);
    expect(done.admin).toMatchObject({ email: request.adminEmail, sub: 'sub-123', existed: false });
    const [tx] = dynamo.commandCalls(TransactWriteCommand);
    const items = tx!.args[0].input.TransactItems!;
    expect(items[0]!.Put).toMatchObject({
      TableName: OUTPUTS.TableName,
      ConditionExpression: 'attribute_not_exists(pk)',
      Item: { pk: 'T#acme-pe', sk: 'TENANT', id: 'acme-pe', name: 'Acme Perú SAC', currency: 'PEN', timeZone: 'America/Lima', country: 'PE', taxId: '20100070970', version: 1 },
    });
    expect(items[1]!.Put?.Item).toMatchObject({ pk: 'T#acme-pe#AUDIT#tenant-settings', action: 'TENANT_CREATED' });

    const [created] = cognito.commandCalls(AdminCreateUserCommand);
    const input = created!.args[0].input;
    expect(input).toMatchObject({ UserPoolId: OUTPUTS.UserPoolId, Username: request.adminEmail, DesiredDeliveryMediums: ['EMAIL'] });
    expect(input.TemporaryPassword).toBe(done.admin.temporaryPassword);
    // The pool's policy: 12+ characters with upper, lower, digit and symbol.
    expect(input.TemporaryPassword).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z0-9]).{12,}$/);
    expect(input.UserAttributes).toEqual(expect.arrayContaining([
      { Name: 'email', Value: request.adminEmail },
      { Name: 'email_verified', Value: 'true' },
      { Name: 'custom:tenant_id', Value: 'acme-pe' },
    ]));
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]!.args[0].input).toEqual({ UserPoolId: OUTPUTS.UserPoolId, Username: request.adminEmail, GroupName: 'ADMIN' });
  });

  it('uses the temporary password the operator chose', async () => {
    describeStacks();
    dynamo.on(TransactWriteCommand).resolves({});
    cognito.on(AdminCreateUserCommand).resolves({ User: { Attributes: [{ Name: 'sub', Value: 'sub-1' }] } });
    cognito.on(AdminAddUserToGroupCommand).resolves({});
    const done = await onboardTenant({ ...request, temporaryPassword: 'Chosen-Passw0rd!' }, await awsTarget({ stack: 'Caja' }));
    expect(done.admin.temporaryPassword).toBe('Chosen-Passw0rd!');
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]!.args[0].input.TemporaryPassword).toBe('Chosen-Passw0rd!');
  });

  it('refuses an existing tenant with other settings and creates no user', async () => {
    describeStacks();
    dynamo.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }] }),
    );
    dynamo.on(GetCommand).resolves({ Item: { pk: 'T#acme-pe', sk: 'TENANT', id: 'acme-pe', name: 'Someone else', currency: 'USD', timeZone: 'America/Lima', country: 'PE', createdAt: 'x', updatedAt: 'x', version: 3 } });
    await expect(onboardTenant(request, await awsTarget({ stack: 'Caja' }))).rejects.toThrow(/already exists with other settings \(name, currency, taxId\)/);
    expect(cognito.calls()).toHaveLength(0);
  });

  it('takes the user back out when the group cannot be set, and reports the error', async () => {
    describeStacks();
    dynamo.on(TransactWriteCommand).resolves({});
    cognito.on(AdminCreateUserCommand).resolves({ User: { Attributes: [{ Name: 'sub', Value: 'sub-9' }] } });
    cognito.on(AdminAddUserToGroupCommand).rejects(Object.assign(new Error('no such group'), { name: 'ResourceNotFoundException' }));
    cognito.on(AdminDeleteUserCommand).resolves({});
    await expect(onboardTenant(request, await awsTarget({ stack: 'Caja' }))).rejects.toThrow(/no such group/);
    expect(cognito.commandCalls(AdminDeleteUserCommand)[0]!.args[0].input).toEqual({ UserPoolId: OUTPUTS.UserPoolId, Username: request.adminEmail });
  });
});
