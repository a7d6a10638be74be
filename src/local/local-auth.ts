/**
 * Staff sign-in without AWS: tokens shaped like the Cognito user pool's,
 * signed with a local key, and checked the way API Gateway's JWT
 * authorizer checks them (signature by a key of the JWKS, issuer,
 * audience or client id, expiry), so the staff API sees the same claims
 * locally as deployed.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  createLocalJWKSet,
  errors,
  type JSONWebKeySet,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import {
  DEFAULT_AUTH_DIRECTORY,
  generateSigningKey,
  loadSigningKey,
  SIGNING_ALGORITHM,
  type SigningKey,
} from './local-signing-key';

/** The local user pool's issuer, in the place of Cognito's pool URL. */
export const LOCAL_ISSUER = 'http://localhost/local-staff-user-pool';
/** The local app client's id, the tokens' audience. */
export const LOCAL_CLIENT_ID = 'local-staff-board';

/** What a token is issued for. */
export interface StaffTokenRequest {
  /** Cognito groups: `staff`, `managers`. */
  groups: string[];
  email?: string;
  /** Seconds, or a span such as `8h` or `15m`. Default 8 hours. */
  expiresIn?: number | string;
  /** An ID token (audience in `aud`) or an access token (`client_id`). */
  tokenUse?: 'id' | 'access';
  /** Another app client's id: a token the authorizer must refuse. */
  audience?: string;
  /** Another user pool's issuer: a token the authorizer must refuse. */
  issuer?: string;
}

/** Thrown when a token would not pass API Gateway's JWT authorizer. */
export class TokenRejected extends Error {
  constructor(readonly reason: string) {
    super(`token rejected: ${reason}`);
    this.name = 'TokenRejected';
  }
}

/** A local stand-in for the user pool and the JWT authorizer. */
export class LocalAuth {
  readonly issuer: string;
  readonly audience: string;
  private readonly key: SigningKey;

  private constructor(key: SigningKey, issuer: string, audience: string) {
    this.key = key;
    this.issuer = issuer;
    this.audience = audience;
  }

  /** With the key kept in `directory` (made on first use). */
  static async fromDirectory(
    directory = DEFAULT_AUTH_DIRECTORY,
  ): Promise<LocalAuth> {
    return new LocalAuth(
      await loadSigningKey(directory),
      LOCAL_ISSUER,
      LOCAL_CLIENT_ID,
    );
  }

  /** With a key of its own that no file keeps (tests). */
  static async inMemory(
    issuer = LOCAL_ISSUER,
    audience = LOCAL_CLIENT_ID,
  ): Promise<LocalAuth> {
    return new LocalAuth(await generateSigningKey(), issuer, audience);
  }

  /** The public keys, as `<issuer>/.well-known/jwks.json` would serve. */
  jwks(): JSONWebKeySet {
    return { keys: [this.key.publicJwk] };
  }

  /** A signed token with the claims Cognito puts in one. */
  async issueStaffToken(request: StaffTokenRequest): Promise<string> {
    const audience = request.audience ?? this.audience;

    return new SignJWT(cognitoClaims(request, audience))
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: this.key.kid })
      .setIssuer(request.issuer ?? this.issuer)
      .setSubject(subjectFor(request.email))
      .setIssuedAt()
      .setExpirationTime(request.expiresIn ?? '8h')
      .setJti(randomUUID())
      .sign(this.key.privateKey);
  }

  /**
   * The token's claims if API Gateway's JWT authorizer would accept it;
   * throws {@link TokenRejected} saying why not.
   */
  async verifyToken(token: string): Promise<JWTPayload> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, createLocalJWKSet(this.jwks()), {
        issuer: this.issuer,
        algorithms: [SIGNING_ALGORITHM],
        requiredClaims: ['exp', 'iat'],
      }));
    } catch (error) {
      throw new TokenRejected(reasonOf(error));
    }
    // The authorizer takes `aud` (ID tokens) or `client_id` (access tokens).
    const audiences = [payload.aud, payload.client_id].flat();
    if (!audiences.includes(this.audience)) {
      throw new TokenRejected('audience');
    }

    return payload;
  }
}

function cognitoClaims(
  request: StaffTokenRequest,
  audience: string,
): JWTPayload {
  const username = request.email ?? 'local-staff';
  const common = {
    'cognito:groups': request.groups,
    token_use: request.tokenUse ?? 'id',
    auth_time: Math.floor(Date.now() / 1000),
    event_id: randomUUID(),
  };
  if (request.tokenUse === 'access') {
    return { ...common, client_id: audience, username, scope: 'openid' };
  }

  return {
    ...common,
    aud: audience,
    'cognito:username': username,
    ...(request.email !== undefined && {
      email: request.email,
      email_verified: true,
    }),
  };
}

/** One stable `sub` per email, as a user pool keeps one per person. */
function subjectFor(email: string | undefined): string {
  const hex = createHash('sha256')
    .update(email ?? 'local-staff')
    .digest('hex');
  const groups = [
    [0, 8],
    [8, 12],
    [12, 16],
    [16, 20],
    [20, 32],
  ];

  // Shaped like Cognito's: a UUID.
  return groups.map(([from, to]) => hex.slice(from, to)).join('-');
}

/** A short reason, like the authorizer's `error_description`. */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return error.claim;
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return 'signature';
  if (error instanceof errors.JWKSNoMatchingKey) return 'signing key';

  return 'malformed';
}

const cache = new Map<string, Promise<LocalAuth>>();

function authFor(directory: string): Promise<LocalAuth> {
  let auth = cache.get(directory);
  if (auth === undefined) {
    auth = LocalAuth.fromDirectory(directory);
    cache.set(directory, auth);
  }

  return auth;
}

/**
 * A token from the local user pool whose key is kept in `directory`
 * (.local-data/auth by default): what `npm start` prints for the board.
 */
export async function issueStaffToken(
  request: StaffTokenRequest,
  directory = DEFAULT_AUTH_DIRECTORY,
): Promise<string> {
  return (await authFor(directory)).issueStaffToken(request);
}

/** Verifies a token against the local user pool kept in `directory`. */
export async function verifyToken(
  token: string,
  directory = DEFAULT_AUTH_DIRECTORY,
): Promise<JWTPayload> {
  return (await authFor(directory)).verifyToken(token);
}
