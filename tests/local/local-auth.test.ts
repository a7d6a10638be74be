import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import {
  LOCAL_CLIENT_ID,
  LOCAL_ISSUER,
  LocalAuth,
  TokenRejected,
} from '../../src/local/local-auth';

const UUID = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;

let auth: LocalAuth;

beforeAll(async () => {
  auth = await LocalAuth.inMemory();
});

describe('a local staff token', () => {
  it('carries the claims of a Cognito ID token', async () => {
    const token = await auth.issueStaffToken({
      groups: ['staff', 'managers'],
      email: 'maria@tonys.example',
      expiresIn: '15m',
    });

    const claims = decodeJwt(token);
    expect(decodeProtectedHeader(token)).toEqual({
      alg: 'RS256',
      kid: auth.jwks().keys[0]?.kid,
    });
    expect(claims).toMatchObject({
      iss: LOCAL_ISSUER,
      aud: LOCAL_CLIENT_ID,
      sub: expect.stringMatching(UUID) as string,
      email: 'maria@tonys.example',
      'cognito:groups': ['staff', 'managers'],
      token_use: 'id',
    });
    expect(claims.exp! - claims.iat!).toBe(15 * 60);
  });

  it('as an access token names the client in client_id, not aud', async () => {
    const token = await auth.issueStaffToken({
      groups: ['staff'],
      tokenUse: 'access',
    });

    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      client_id: LOCAL_CLIENT_ID,
      token_use: 'access',
    });
    expect(claims).not.toHaveProperty('aud');
    await expect(auth.verifyToken(token)).resolves.toMatchObject({
      client_id: LOCAL_CLIENT_ID,
    });
  });

  it('passes verification with its claims', async () => {
    const token = await auth.issueStaffToken({ groups: ['staff'] });

    await expect(auth.verifyToken(token)).resolves.toMatchObject({
      'cognito:groups': ['staff'],
    });
  });
});

describe('verification refuses', () => {
  it('an expired token', async () => {
    const token = await auth.issueStaffToken({
      groups: ['staff'],
      expiresIn: -60,
    });

    await expect(auth.verifyToken(token)).rejects.toEqual(
      new TokenRejected('expired'),
    );
  });

  it('a token signed by another key', async () => {
    const other = await LocalAuth.inMemory();
    const token = await other.issueStaffToken({ groups: ['managers'] });

    await expect(auth.verifyToken(token)).rejects.toThrow(TokenRejected);
  });

  it('a token whose payload was changed after signing', async () => {
    const token = await auth.issueStaffToken({ groups: ['staff'] });
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(
      JSON.stringify({ ...decodeJwt(token), 'cognito:groups': ['managers'] }),
    ).toString('base64url');

    await expect(
      auth.verifyToken(`${header}.${payload}.${signature}`),
    ).rejects.toEqual(new TokenRejected('signature'));
  });

  it('a token for another app client', async () => {
    const token = await auth.issueStaffToken({
      groups: ['staff'],
      audience: 'another-client',
    });

    await expect(auth.verifyToken(token)).rejects.toEqual(
      new TokenRejected('audience'),
    );
  });

  it('an access token for another app client', async () => {
    const token = await auth.issueStaffToken({
      groups: ['staff'],
      tokenUse: 'access',
      audience: 'another-client',
    });

    await expect(auth.verifyToken(token)).rejects.toEqual(
      new TokenRejected('audience'),
    );
  });

  it('a token from another user pool', async () => {
    const token = await auth.issueStaffToken({
      groups: ['staff'],
      issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other',
    });

    await expect(auth.verifyToken(token)).rejects.toEqual(
      new TokenRejected('iss'),
    );
  });

  it('an unsigned token', async () => {
    const token = await auth.issueStaffToken({ groups: ['staff'] });
    const [, payload] = token.split('.');
    const none = Buffer.from('{"alg":"none"}').toString('base64url');

    await expect(auth.verifyToken(`${none}.${payload}.`)).rejects.toThrow(
      TokenRejected,
    );
  });

  it('text that is not a token', async () => {
    await expect(auth.verifyToken('not-a-token')).rejects.toEqual(
      new TokenRejected('malformed'),
    );
  });
});

describe('the key kept on disk', () => {
  it('survives a restart: a token issued before still verifies', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'local-auth-'));
    try {
      const before = await LocalAuth.fromDirectory(directory);
      const token = await before.issueStaffToken({ groups: ['staff'] });

      const after = await LocalAuth.fromDirectory(directory);

      await expect(after.verifyToken(token)).resolves.toBeDefined();
      const file = join(directory, 'staff-signing-key.json');
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('is one key when two starts make it at once', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'local-auth-'));
    try {
      const [first, second] = await Promise.all([
        LocalAuth.fromDirectory(directory),
        LocalAuth.fromDirectory(directory),
      ]);

      expect(first.jwks()).toEqual(second.jwks());
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
