/**
 * The Cognito branch of the user directory (see ./users.ts): AdminCreateUser with the tenant and
 * party attributes, then the role's group. Of the functions only ledger/create-user imports this module
 * (the onboarding CLI, lib/onboarding/, too).
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { USER_ATTRIBUTE } from '../auth/claims.js';
import { Invalid } from '../ledger/errors.js';
import { type DirectoryUser, type NewUser, type PoolUserCreator, userExists } from './directory.js';

let client: CognitoIdentityProviderClient | undefined;

/**
 * `temporaryPassword`: the one the invitation carries (the onboarding CLI prints it for the first
 * admin); without it Cognito makes one up.
 */
export const createPoolUser: PoolUserCreator = async (userPoolId: string, user: NewUser, region: string, options: { temporaryPassword?: string } = {}): Promise<DirectoryUser> => {
  client ??= new CognitoIdentityProviderClient({ region });
  let created;
  try {
    created = await client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        // Email is the username (the pool signs in by email); Cognito sends the invitation.
        Username: user.email,
        DesiredDeliveryMediums: ['EMAIL'],
        ...(options.temporaryPassword !== undefined ? { TemporaryPassword: options.temporaryPassword } : {}),
        UserAttributes: [
          { Name: 'email', Value: user.email },
          { Name: 'email_verified', Value: 'true' },
          { Name: `custom:${USER_ATTRIBUTE.tenant}`, Value: user.tenant },
          ...(user.party !== undefined ? [{ Name: `custom:${USER_ATTRIBUTE.party}`, Value: user.party }] : []),
        ],
      }),
    );
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'UsernameExistsException' || name === 'AliasExistsException') throw userExists();
    if (name === 'InvalidParameterException') throw new Invalid('User rejected by the directory');
    throw error;
  }
  const sub = created.User?.Attributes?.find((a) => a.Name === 'sub')?.Value ?? created.User?.Username;
  if (!sub) throw new Error('the directory returned no sub');
  try {
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: user.email, GroupName: user.role }));
  } catch (error) {
    // A user without its role would be a user nobody can use: take it back out.
    await client.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: user.email })).catch(() => undefined);
    throw error;
  }
  return { sub, ...user };
};
