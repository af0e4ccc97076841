import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { USER_ATTRIBUTE } from '../../shared/auth/claims.js';
import { GROUP_ALIASES, ROLES } from '../../shared/auth/roles.js';
import { acknowledge } from '../nag.js';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CajaFunction, type LogLevel } from './caja-function.js';

export interface CajaAuthProps {
  logLevel?: LogLevel;
  logRetention?: RetentionDays;
}

/**
 * Cognito for Caja: an admin-provisioned user pool (no self sign-up, email sign-in), one group per role,
 * the immutable `tenant_id` and admin-only `party_id` attributes, an app client without secret, and the
 * pre-token-generation trigger (V2_0) that puts tenant and party into the access token.
 */
export class CajaAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly preTokenGeneration: CajaFunction;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>`: the `iss` of every token the pool signs. */
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: CajaAuthProps = {}) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {
        [USER_ATTRIBUTE.tenant]: new StringAttribute({ minLen: 1, maxLen: 64, mutable: false }),
        [USER_ATTRIBUTE.party]: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // PLUS is needed for access-token customization (V2_0 trigger) and for threat protection (cdk-nag COG8).
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(this.userPool, 'AwsSolutions-COG2');

    for (const role of ROLES) {
      this.userPool.addGroup(`Group${role}`, { groupName: role, description: `Caja role ${role}` });
    }
    // The original APIs' group names that mean a Caja role (seed 003's administrators), so users can be put in them.
    for (const [alias, role] of Object.entries(GROUP_ALIASES)) {
      this.userPool.addGroup(`Group${alias}`, { groupName: alias, description: `Caja role ${role} (the group name seed 003 uses)` });
    }

    this.client = this.userPool.addClient('AppClient', {
      generateSecret: false,
      authFlows: { userPassword: true, userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      // Users must not be able to change their own tenant or party (UpdateUserAttributes with their
      // access token): the client may write standard profile attributes only. Admins still can.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true, givenName: true, familyName: true }),
    });

    this.preTokenGeneration = new CajaFunction(this, 'PreTokenGeneration', {
      handler: 'system/pre-token-generation',
      description: 'Caja Cognito pre-token-generation trigger: tenant and party claims in the access token',
      memorySize: 256,
      timeout: Duration.seconds(5),
      ...props,
    });
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, this.preTokenGeneration.fn, LambdaVersion.V2_0);

    this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
