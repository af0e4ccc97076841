/** The Cognito branch of the user directory, with the client's send() stubbed (no AWS). */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DomainError as AppError } from '../../shared/ledger/errors.js';
import { createUser } from '../../shared/users/directory.js';
import { createPoolUser } from '../../shared/users/cognito.js';

const send = vi.spyOn(CognitoIdentityProviderClient.prototype, 'send');

afterEach(() => {
  send.mockReset();
  delete process.env.USER_POOL_ID;
});

const named = (name: string) => Object.assign(new Error(name), { name });

describe('createPoolUser', () => {
  it('creates the user with tenant and party attributes, then adds it to its role group', async () => {
    send.mockImplementation((async (command: unknown) => {
      if (command instanceof AdminCreateUserCommand) {
        return { User: { Username: 'ana@x.cl', Attributes: [{ Name: 'sub', Value: 'sub-123' }] } };
      }
      return {};
    }) as never);
    const user = await createPoolUser('pool-1', { email: 'ana@x.cl', role: 'VENTANA', tenant: 't1', party: '42' }, 'us-east-1');
    expect(user).toEqual({ sub: 'sub-123', email: 'ana@x.cl', role: 'VENTANA', tenant: 't1', party: '42' });
    const [create, group] = send.mock.calls.map(([command]) => command as unknown as { input: Record<string, unknown> });
    expect(create).toBeInstanceOf(AdminCreateUserCommand);
    expect(create!.input).toMatchObject({
      UserPoolId: 'pool-1',
      Username: 'ana@x.cl',
      UserAttributes: [
        { Name: 'email', Value: 'ana@x.cl' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'custom:tenant_id', Value: 't1' },
        { Name: 'custom:party_id', Value: '42' },
      ],
    });
    expect(group).toBeInstanceOf(AdminAddUserToGroupCommand);
    expect(group!.input).toEqual({ UserPoolId: 'pool-1', Username: 'ana@x.cl', GroupName: 'VENTANA' });
  });

  it('leaves custom:party_id out for a user without a party', async () => {
    send.mockImplementation((async () => ({ User: { Attributes: [{ Name: 'sub', Value: 's' }] } })) as never);
    await createPoolUser('p', { email: 'a@b.c', role: 'ADMIN', tenant: 't' }, 'us-east-1');
    const attributes = (send.mock.calls[0]![0] as { input: { UserAttributes: { Name: string }[] } }).input.UserAttributes;
    expect(attributes.map((a) => a.Name)).not.toContain('custom:party_id');
  });

  it('answers 409 when the email is taken', async () => {
    send.mockImplementation((async () => {
      throw named('UsernameExistsException');
    }) as never);
    await expect(createPoolUser('p', { email: 'a@b.c', role: 'ADMIN', tenant: 't' }, 'us-east-1')).rejects.toMatchObject({ kind: 'conflict', reason: 'CONFLICT' });
  });

  it('deletes the user again when the group step fails', async () => {
    send.mockImplementation((async (command: unknown) => {
      if (command instanceof AdminCreateUserCommand) return { User: { Attributes: [{ Name: 'sub', Value: 's' }] } };
      if (command instanceof AdminAddUserToGroupCommand) throw named('ResourceNotFoundException');
      return {};
    }) as never);
    await expect(createPoolUser('p', { email: 'a@b.c', role: 'ADMIN', tenant: 't' }, 'us-east-1')).rejects.toThrow('ResourceNotFoundException');
    expect(send.mock.calls.map(([c]) => c.constructor)).toEqual([AdminCreateUserCommand, AdminAddUserToGroupCommand, AdminDeleteUserCommand]);
  });
});

describe('createUser dispatch', () => {
  it('uses the pool when USER_POOL_ID is set', async () => {
    process.env.USER_POOL_ID = 'pool-9';
    const pool = vi.fn(async () => ({ sub: 's', email: 'a@b.c', role: 'ADMIN' as const, tenant: 't' }));
    await createUser({ email: 'a@b.c', role: 'ADMIN', tenant: 't' }, pool);
    expect(pool).toHaveBeenCalledWith('pool-9', { email: 'a@b.c', role: 'ADMIN', tenant: 't' }, expect.any(String));
  });

  it('refuses to run with a pool configured but no pool creator wired', async () => {
    process.env.USER_POOL_ID = 'pool-9';
    await expect(createUser({ email: 'a@b.c', role: 'ADMIN', tenant: 't' })).rejects.not.toBeInstanceOf(AppError);
  });
});
