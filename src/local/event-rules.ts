/**
 * The bus's rules as serverless.yml declares them (each function's
 * `eventBridge` events), so the local bus routes with the very patterns
 * that are deployed instead of a second copy.
 */
import * as z from 'zod/mini';
import '../validation/english-messages';
import { checkPattern, type EventPattern } from './event-pattern';
import { loadServerlessConfig, SERVERLESS_FILE } from './serverless-config';

/** One rule: which function gets the events that match which pattern. */
export interface EventRule {
  /** The function's key under `functions:`, e.g. `sendSms`. */
  functionKey: string;
  pattern: EventPattern;
}

/** Which file and stage to read the rules for. */
export interface EventRuleSource {
  stage: string;
  file?: string;
}

const declarations = z.object({
  service: z.string(),
  functions: z.optional(
    z.record(
      z.string(),
      z.nullish(
        z.object({
          events: z.optional(
            z.array(
              z.looseObject({
                eventBridge: z.optional(
                  z.looseObject({ pattern: z.unknown() }),
                ),
              }),
            ),
          ),
        }),
      ),
    ),
  ),
});

/** Thrown when a pattern holds a variable the local bus cannot resolve. */
export class UnresolvedPatternVariable extends Error {
  constructor(
    readonly functionKey: string,
    readonly variable: string,
  ) {
    super(
      `functions.${functionKey}: the eventBridge pattern uses ${variable}; ` +
        'locally only ${self:service} and ${sls:stage} are resolved',
    );
    this.name = 'UnresolvedPatternVariable';
  }
}

/**
 * Every `eventBridge` rule with a pattern, variables resolved. Throws
 * {@link UnsupportedPattern} (see event-pattern.ts) or
 * {@link UnresolvedPatternVariable}.
 */
export function readEventRules(source: EventRuleSource): EventRule[] {
  const config = declarations.parse(
    loadServerlessConfig(source.file ?? SERVERLESS_FILE),
  );
  const variables: Record<string, string> = {
    'self:service': config.service,
    'sls:stage': source.stage,
  };

  return Object.entries(config.functions ?? {}).flatMap(
    ([functionKey, declaration]) =>
      (declaration?.events ?? []).flatMap(({ eventBridge }) => {
        if (eventBridge?.pattern === undefined) return [];
        const resolve = (text: string) =>
          resolveText(text, variables, functionKey);
        const pattern = mapStrings(eventBridge.pattern, resolve);
        checkPattern(pattern, `functions.${functionKey}.pattern`);

        return [{ functionKey, pattern: pattern as EventPattern }];
      }),
  );
}

function resolveText(
  text: string,
  variables: Record<string, string>,
  functionKey: string,
): string {
  return text.replace(/\$\{([^}]*)\}/g, (variable, name: string) => {
    const value = variables[name.trim()];
    if (value === undefined) {
      throw new UnresolvedPatternVariable(functionKey, variable);
    }

    return value;
  });
}

/** `value` with `map` applied to every string inside it. */
function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)]),
    );
  }

  return value;
}
