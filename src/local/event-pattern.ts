/**
 * EventBridge's event pattern matching, for the part of the language the
 * rules in serverless.yml use: exact values listed in arrays, `prefix`,
 * `anything-but` (a value, a list, or a prefix) and `exists`. A pattern
 * using anything else is refused when the rules are read, rather than
 * matching differently from AWS.
 *
 * The rules, as EventBridge applies them: every field of the pattern must
 * match; a list matches when any of its entries does; an event field that
 * is itself a list matches when any of its elements does; `anything-but`
 * and the exact values need the field to be present.
 */

/** A pattern: nested objects down to lists of matchers. */
export type EventPattern = Record<string, unknown>;

/** Thrown for a pattern the local bus cannot evaluate as AWS would. */
export class UnsupportedPattern extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`event pattern at ${path || '(root)'}: ${problem}`);
    this.name = 'UnsupportedPattern';
  }
}

type Scalar = string | number | boolean | null;

function isScalar(value: unknown): value is Scalar {
  return (
    value === null || ['string', 'number', 'boolean'].includes(typeof value)
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws {@link UnsupportedPattern} unless `pattern` is fully supported. */
export function checkPattern(pattern: unknown, path = ''): void {
  if (!isObject(pattern)) throw new UnsupportedPattern(path, 'not an object');
  for (const [key, rule] of Object.entries(pattern)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (key.startsWith('$'))
      throw new UnsupportedPattern(at, `${key} is not supported`);
    if (Array.isArray(rule))
      rule.forEach((matcher) => {
        checkMatcher(matcher, at);
      });
    else checkPattern(rule, at);
  }
}

function checkMatcher(matcher: unknown, path: string): void {
  if (isScalar(matcher)) return;
  if (!isObject(matcher))
    throw new UnsupportedPattern(path, 'a list in a list');
  const [operator, ...others] = Object.keys(matcher);
  const operand = operator === undefined ? undefined : matcher[operator];
  const valid =
    others.length === 0 &&
    ((operator === 'prefix' && typeof operand === 'string') ||
      (operator === 'exists' && typeof operand === 'boolean') ||
      (operator === 'anything-but' && isExclusion(operand)));
  if (!valid) {
    throw new UnsupportedPattern(
      path,
      `${JSON.stringify(matcher)} is not supported locally ` +
        '(exact values, prefix, anything-but and exists are)',
    );
  }
}

function isExclusion(operand: unknown): boolean {
  if (isScalar(operand)) return true;
  if (Array.isArray(operand)) return operand.every(isScalar);

  return (
    isObject(operand) &&
    Object.keys(operand).join() === 'prefix' &&
    typeof operand.prefix === 'string'
  );
}

/** Whether `event` matches `pattern` (checked with {@link checkPattern}). */
export function matchesPattern(pattern: EventPattern, event: unknown): boolean {
  const fields = isObject(event) ? event : {};

  return Object.entries(pattern).every(([key, rule]) => {
    const present = key in fields;
    const value = fields[key];
    if (!Array.isArray(rule)) {
      return isObject(rule) && matchesPattern(rule, value);
    }
    const values: unknown[] = Array.isArray(value) ? value : [value];

    return rule.some((matcher) => matchesOne(matcher, present, values));
  });
}

function matchesOne(
  matcher: unknown,
  present: boolean,
  values: unknown[],
): boolean {
  if (isScalar(matcher)) return present && values.includes(matcher);
  if (!isObject(matcher)) return false;
  if ('exists' in matcher) return matcher.exists === present;
  if ('prefix' in matcher) {
    const prefix = String(matcher.prefix);

    return (
      present &&
      values.some(
        (value) => typeof value === 'string' && value.startsWith(prefix),
      )
    );
  }
  const excluded = matcher['anything-but'];

  return present && values.every((value) => !isExcluded(value, excluded));
}

function isExcluded(value: unknown, excluded: unknown): boolean {
  if (Array.isArray(excluded)) return excluded.includes(value);
  if (isObject(excluded)) {
    return (
      typeof value === 'string' && value.startsWith(String(excluded.prefix))
    );
  }

  return value === excluded;
}
