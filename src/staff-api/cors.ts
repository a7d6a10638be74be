/**
 * CORS for the live board: only the board's own origin may read answers
 * from a browser. API Gateway's CORS settings (serverless.yml) do the same
 * in AWS and answer preflights there; these headers serve the local HTTP
 * API and any caller that reaches the function another way.
 */

/** Headers the board sends besides the simple ones. */
const ALLOWED_HEADERS = 'authorization, content-type';

/** How long a browser may reuse a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE = '600';

/**
 * The CORS headers of an answer to `origin`. `Vary` is always set so that
 * a cache never serves one origin's answer to another.
 */
export function corsHeaders(
  origin: string | undefined,
  boardOrigin: string,
): Record<string, string> {
  if (origin !== boardOrigin) return { vary: 'Origin' };

  return { 'access-control-allow-origin': origin, vary: 'Origin' };
}

/** The extra headers of a preflight answer for a path's methods. */
export function preflightHeaders(
  methods: readonly string[],
): Record<string, string> {
  return {
    'access-control-allow-methods': [...methods, 'OPTIONS'].join(', '),
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-max-age': PREFLIGHT_MAX_AGE,
  };
}
