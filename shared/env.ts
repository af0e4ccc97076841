/** Typed view of the environment every function and the local stack share; read lazily so tests can set it first. */
export interface CajaEnv {
  tableName: string;
  /** Set only locally (DynamoDB Local); unset on Lambda. */
  dynamodbEndpoint: string | undefined;
  region: string;
  authIssuer: string;
  authJwksUri: string;
  authClientId: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}

export function env(): CajaEnv {
  const issuer = required('AUTH_ISSUER');
  return {
    tableName: required('TABLE_NAME'),
    dynamodbEndpoint: process.env.DYNAMODB_ENDPOINT || undefined,
    region: process.env.AWS_REGION ?? 'us-east-1',
    authIssuer: issuer,
    authJwksUri: process.env.AUTH_JWKS_URI || `${issuer}/.well-known/jwks.json`,
    authClientId: required('AUTH_CLIENT_ID'),
    logLevel: (process.env.LOG_LEVEL as CajaEnv['logLevel']) ?? 'info',
  };
}
