/**
 * fast-check arbitraries for the fuzz tests: the sample events of events/
 * and ways to break them (a field dropped, a value of the wrong type, an
 * oversized string), so that fuzzing starts from what AWS really sends
 * and strays from it a little at a time.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const EVENTS_DIRECTORY = join(__dirname, '..', '..', 'events');

/** The sample events whose file names start with `prefix`, parsed. */
export function samplesStartingWith(prefix: string): unknown[] {
  return readdirSync(EVENTS_DIRECTORY)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.json'))
    .sort()
    .map(
      (name) =>
        JSON.parse(
          readFileSync(join(EVENTS_DIRECTORY, name), 'utf8'),
        ) as unknown,
    );
}

/** A path into a JSON value: object keys and array indexes. */
export type JsonPath = (string | number)[];

/** Every path in `value`, the root's own (`[]`) excluded. */
export function pathsOf(value: unknown, prefix: JsonPath = []): JsonPath[] {
  if (typeof value !== 'object' || value === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);

  return entries.flatMap(([key, child]) => {
    const path = [...prefix, key];

    return [path, ...pathsOf(child, path)];
  });
}

/** One way to break a value at a path. */
export type Mutation =
  | { kind: 'drop' }
  | { kind: 'set'; value: unknown }
  | { kind: 'huge'; length: number; unit: string };

/** The mutations, a value of any JSON type included. */
export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Mutation>({ kind: 'drop' }) },
  {
    weight: 5,
    arbitrary: fc
      .jsonValue({ maxDepth: 2 })
      .map((value): Mutation => ({ kind: 'set', value })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        length: fc.integer({ min: 1_001, max: 100_000 }),
        unit: fc.constantFrom('a', 'é', '9', ' ', '😀', '"'),
      })
      .map(({ length, unit }): Mutation => ({ kind: 'huge', length, unit })),
  },
);

/** `value` with `mutation` applied at `path`, if the path still exists. */
export function mutateAt(
  value: unknown,
  path: JsonPath,
  mutation: Mutation,
): void {
  const parent = path
    .slice(0, -1)
    .reduce<unknown>(
      (node, key) =>
        typeof node === 'object' && node !== null
          ? (node as Record<string | number, unknown>)[key]
          : undefined,
      value,
    );
  const key = path.at(-1);
  if (typeof parent !== 'object' || parent === null || key === undefined) {
    return;
  }
  const container = parent as Record<string | number, unknown>;
  if (mutation.kind === 'drop') {
    if (Array.isArray(container) && typeof key === 'number') {
      container.splice(key, 1);
    } else Reflect.deleteProperty(container, key);

    return;
  }
  container[key] =
    mutation.kind === 'set'
      ? mutation.value
      : mutation.unit.repeat(mutation.length);
}

/**
 * One of `samples`, broken in one to three places. The paths are the
 * sample's own, so most mutations hit a field the reader looks at.
 */
export function mutatedSample(samples: unknown[]): fc.Arbitrary<unknown> {
  return fc.integer({ min: 0, max: samples.length - 1 }).chain((index) => {
    const sample = samples[index];
    const paths = pathsOf(sample);

    return fc
      .array(
        fc.record({
          path: fc.constantFrom(...paths),
          mutation: mutationArbitrary,
        }),
        { minLength: 1, maxLength: 3 },
      )
      .map((changes) => {
        const copy = structuredClone(sample);
        for (const { path, mutation } of changes) {
          mutateAt(copy, path, mutation);
        }

        return copy;
      });
  });
}

/** `sample` with the fields of `changes` set at the given paths. */
export function withFields(
  sample: unknown,
  changes: [JsonPath, unknown][],
): unknown {
  const copy = structuredClone(sample);
  for (const [path, value] of changes) {
    mutateAt(copy, path, { kind: 'set', value });
  }

  return copy;
}
