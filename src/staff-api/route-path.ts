/**
 * Route paths as API Gateway writes them: `/orders/{orderId}`, where a
 * `{name}` matches one whole path segment.
 */

/** The names of the parameters in a route path, in order. */
export function pathParameterNames(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
}

/**
 * The raw (still percent-encoded) parameters of `path` if it matches
 * `template`, or undefined.
 */
export function matchPath(
  template: string,
  path: string,
): Record<string, string> | undefined {
  const expected = template.split('/');
  const actual = path.split('/');
  if (expected.length !== actual.length) return undefined;
  const parameters: Record<string, string> = {};
  for (const [index, part] of expected.entries()) {
    const value = actual[index] ?? '';
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name === undefined) {
      if (part !== value) return undefined;
    } else {
      if (value === '') return undefined;
      parameters[name] = value;
    }
  }

  return parameters;
}
