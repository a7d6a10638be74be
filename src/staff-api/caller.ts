/**
 * Who is calling, from the claims API Gateway's JWT authorizer verified.
 * The authorizer has already checked signature, issuer, audience and
 * expiry; what is left is reading the groups and checking the role.
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { RequestRejected } from './request-rejected';

/** The Cognito groups the API knows. */
export type Role = 'staff' | 'managers';

/** A verified person using the API. */
export interface Caller {
  /** The token's `sub`: a stable id, never shown or logged in clear. */
  subject: string;
  groups: readonly string[];
}

const GROUPS_CLAIM = 'cognito:groups';

/** What the function sees when no authorizer ran (locally, misrouted). */
interface RequestContextMaybeAuthorized {
  authorizer?: { jwt?: { claims?: Record<string, unknown> } };
}

/**
 * The groups in a `cognito:groups` claim. API Gateway flattens a list
 * claim to text such as `[staff managers]`; a JSON array (a local token, a
 * future format) is read as it is.
 */
export function parseGroups(claim: unknown): string[] {
  if (Array.isArray(claim)) {
    return claim.filter((group) => typeof group === 'string');
  }
  if (typeof claim !== 'string') return [];

  return claim
    .replace(/^\s*\[|\]\s*$/g, '')
    .split(/[\s,]+/)
    .map((group) => group.replace(/^"|"$/g, ''))
    .filter((group) => group !== '');
}

/** The caller of an event; throws `unauthorized` when it has no claims. */
export function readCaller(
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
): Caller {
  // Typed as always present, but absent when no authorizer ran.
  const context = event.requestContext as RequestContextMaybeAuthorized;
  const claims = context.authorizer?.jwt?.claims;
  const subject = claims?.sub;
  if (typeof subject !== 'string' || subject === '') {
    throw new RequestRejected('unauthorized', 'a valid staff token is needed');
  }

  return { subject, groups: parseGroups(claims?.[GROUPS_CLAIM]) };
}

/** Throws `forbidden` unless the caller is in one of `roles`. */
export function requireRole(caller: Caller, roles: readonly Role[]): void {
  if (!roles.some((role) => caller.groups.includes(role))) {
    throw new RequestRejected(
      'forbidden',
      `this needs one of the groups: ${roles.join(', ')}`,
    );
  }
}

/** Whether the caller may see customers' contact details in full. */
export function isManager(caller: Caller): boolean {
  return caller.groups.includes('managers');
}
