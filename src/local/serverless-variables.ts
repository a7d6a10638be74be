/**
 * Resolves the Serverless Framework's variables in values read from
 * serverless.yml (`${sls:stage}`, `${self:service}`, `${param:name}`,
 * `${opt:stage}`, `${env:NAME, 'fallback'}`), so local tooling sees the
 * same values a deployment would, from the same file.
 */

/** What variables are resolved against. */
export interface VariableContext {
  /** The whole parsed serverless.yml, for `${self:...}` and `params`. */
  config: unknown;
  stage: string;
  /** What `${opt:...}` sees; `stage` is added when absent. */
  options?: Record<string, string>;
  /** What `${env:...}` sees. Default: `process.env`. */
  env?: Record<string, string | undefined>;
  /** `--param="name=value"` on the command line: wins over `params`. */
  params?: Record<string, string>;
}

/** A variable with no value and no fallback that has one. */
export class UnresolvedVariable extends Error {
  constructor(
    readonly variable: string,
    readonly where: string,
    readonly reason: string,
  ) {
    super(`cannot resolve ${variable} in ${where}: ${reason}`);
    this.name = 'UnresolvedVariable';
  }
}

/** Either a value, or why a candidate has none. */
type Lookup = { value: string } | { missing: string };

/** `${self:...}` values may hold variables too; a cycle stops here. */
const MAX_DEPTH = 10;

/**
 * Replaces every `${...}` in `text`. Throws {@link UnresolvedVariable},
 * naming the variable and `where` (e.g. `provider.environment.STAGE`),
 * when neither the variable nor any of its fallbacks has a value.
 */
export function resolveVariables(
  text: string,
  where: string,
  context: VariableContext,
  depth = 0,
): string {
  if (depth > MAX_DEPTH) {
    throw new UnresolvedVariable(text, where, 'variables nest too deep');
  }
  let resolved = '';
  let position = 0;
  for (;;) {
    const open = text.indexOf('${', position);
    if (open < 0) return resolved + text.slice(position);

    const close = closingBrace(text, open + 2);
    if (close < 0) {
      throw new UnresolvedVariable(text, where, 'a `${` is never closed');
    }
    const expression = text.slice(open + 2, close);
    resolved += text.slice(position, open);
    resolved += resolveExpression(expression, where, context, depth);
    position = close + 1;
  }
}

/** Index of the `}` closing a `${` whose body starts at `start`, or -1. */
function closingBrace(text: string, start: number): number {
  let depth = 1;
  let quote: string | undefined;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === '$' && text[index + 1] === '{') {
      depth += 1;
      index += 1;
    } else if (char === '}') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }

  return -1;
}

/** `a:b, 'fallback'`: the first candidate with a value wins. */
function resolveExpression(
  expression: string,
  where: string,
  context: VariableContext,
  depth: number,
): string {
  const reasons: string[] = [];
  for (const candidate of splitCandidates(expression)) {
    const lookup = resolveCandidate(candidate, where, context, depth);
    if ('value' in lookup) return lookup.value;
    reasons.push(lookup.missing);
  }

  throw new UnresolvedVariable(`\${${expression}}`, where, reasons.join('; '));
}

/** Splits on the commas that are not inside quotes or a nested `${}`. */
function splitCandidates(expression: string): string[] {
  const candidates: string[] = [];
  let start = 0;
  let depth = 0;
  let quote: string | undefined;
  for (let index = 0; index < expression.length; index += 1) {
    const char = expression[index];
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '{') depth += 1;
    else if (char === '}') depth -= 1;
    else if (char === ',' && depth === 0) {
      candidates.push(expression.slice(start, index).trim());
      start = index + 1;
    }
  }
  candidates.push(expression.slice(start).trim());

  return candidates;
}

function resolveCandidate(
  candidate: string,
  where: string,
  context: VariableContext,
  depth: number,
): Lookup {
  const quoted = /^'(.*)'$|^"(.*)"$/s.exec(candidate);
  if (quoted) return { value: quoted[1] ?? quoted[2] ?? '' };
  if (/^(-?\d+(\.\d+)?|true|false)$/.test(candidate)) {
    return { value: candidate };
  }
  if (candidate.startsWith('${') && candidate.endsWith('}')) {
    return nestedVariable(candidate, where, context, depth);
  }
  const source = /^(\w+):(.*)$/s.exec(candidate);
  if (source === null) {
    return { missing: `"${candidate}" is not a variable or a quoted string` };
  }
  const address = resolveVariables(source[2] ?? '', where, context, depth + 1);

  return lookUp(source[1] ?? '', address.trim(), where, context, depth);
}

/** A nested variable used as a fallback: missing means "try the next". */
function nestedVariable(
  candidate: string,
  where: string,
  context: VariableContext,
  depth: number,
): Lookup {
  try {
    return { value: resolveVariables(candidate, where, context, depth + 1) };
  } catch (error) {
    if (error instanceof UnresolvedVariable) return { missing: error.reason };
    throw error;
  }
}

function lookUp(
  source: string,
  address: string,
  where: string,
  context: VariableContext,
  depth: number,
): Lookup {
  switch (source) {
    case 'sls':
      return address === 'stage'
        ? { value: context.stage }
        : { missing: `sls:${address} is not known locally` };
    case 'opt':
      return present(
        { stage: context.stage, ...context.options }[address],
        `opt:${address}`,
        `no --${address} option was given`,
      );
    case 'env':
      return present(
        (context.env ?? process.env)[address],
        `env:${address}`,
        `the environment variable ${address} is not set`,
      );
    case 'param':
      return paramValue(address, context);
    case 'self':
      return selfValue(address, where, context, depth);
    default:
      return { missing: `${source}: variables need AWS or a plugin` };
  }
}

function present(value: unknown, name: string, missing: string): Lookup {
  if (value === undefined || value === null) return { missing };
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return { value: String(value) };
  }

  // Offline, an object such as `!Ref Table` would reach a handler as the
  // text "[object Object]".
  return { missing: `${name} is a list or an object, not a value` };
}

/**
 * A `--param` first, then `params.<stage>`, then `params.default`, as the
 * framework does.
 */
function paramValue(name: string, context: VariableContext): Lookup {
  const params = pathValue(context.config, ['params']);
  const forStage = pathValue(params, [context.stage, name]);
  const value =
    context.params?.[name] ?? forStage ?? pathValue(params, ['default', name]);

  return present(
    value,
    `param:${name}`,
    `no param "${name}" in params.${context.stage} or params.default`,
  );
}

function selfValue(
  path: string,
  where: string,
  context: VariableContext,
  depth: number,
): Lookup {
  const value = pathValue(context.config, path.split('.'));
  const lookup = present(
    value,
    `self:${path}`,
    `serverless.yml has no ${path}`,
  );
  if (!('value' in lookup) || typeof value !== 'string') return lookup;

  return { value: resolveVariables(value, where, context, depth + 1) };
}

/** The value at `path` inside nested plain objects, if any. */
export function pathValue(root: unknown, path: string[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }

  return value;
}
