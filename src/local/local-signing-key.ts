/**
 * The RSA key the local stack signs staff tokens with, standing in for the
 * Cognito user pool's. It is generated once and kept under .local-data, so
 * a token printed by one `npm start` still works after a restart.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  calculateJwkThumbprint,
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from 'jose';
import { SERVERLESS_FILE } from './serverless-config';

/** Where the key is kept unless told otherwise. */
export const DEFAULT_AUTH_DIRECTORY = resolve(
  dirname(SERVERLESS_FILE),
  '.local-data/auth',
);

const KEY_FILE = 'staff-signing-key.json';

/** The algorithm Cognito signs with, and the only one accepted. */
export const SIGNING_ALGORITHM = 'RS256';

/** A key pair with the id tokens name it by. */
export interface SigningKey {
  /** The JWK thumbprint of the public key, as the token's `kid`. */
  kid: string;
  privateKey: CryptoKey;
  /** The public half as a JWK, as a JWKS serves it. */
  publicJwk: JWK;
}

/** A new key pair that lives only as long as this process (tests). */
export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, {
    extractable: true,
  });

  return signingKeyFrom(await exportJWK(privateKey));
}

/**
 * The key kept in `directory`, generated and saved on first use. Two
 * processes starting at once agree on one key: the file is created
 * exclusively, and the loser reads the winner's.
 */
export async function loadSigningKey(
  directory = DEFAULT_AUTH_DIRECTORY,
): Promise<SigningKey> {
  const file = join(directory, KEY_FILE);
  const saved = await readSavedJwk(file);
  if (saved !== undefined) return signingKeyFrom(saved);

  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, {
    extractable: true,
  });
  const jwk = await exportJWK(privateKey);
  await mkdir(directory, { recursive: true, mode: 0o700 });
  try {
    await writeFile(file, JSON.stringify(jwk), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;

    return loadSigningKey(directory);
  }

  return signingKeyFrom(jwk);
}

async function readSavedJwk(file: string): Promise<JWK | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as JWK;
  } catch {
    throw new Error(
      `${file} holds no key; delete it and a new one is made ` +
        '(tokens issued before stop working)',
    );
  }
}

async function signingKeyFrom(privateJwk: JWK): Promise<SigningKey> {
  const publicJwk: JWK = { kty: 'RSA', n: privateJwk.n, e: privateJwk.e };
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateKey = await importJWK(privateJwk, SIGNING_ALGORITHM);

  return {
    kid,
    privateKey: privateKey as CryptoKey,
    publicJwk: { ...publicJwk, kid, alg: SIGNING_ALGORITHM, use: 'sig' },
  };
}
