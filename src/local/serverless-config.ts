/**
 * Reads serverless.yml so that local tooling derives what it needs (the
 * table definition, event patterns) from the deployed definition instead of
 * keeping a second copy.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  CORE_SCHEMA,
  defineMappingTag,
  defineScalarTag,
  defineSequenceTag,
  load,
  type Schema,
  type TagDefinition,
} from 'js-yaml';

/** serverless.yml at the root of the repository. */
export const SERVERLESS_FILE = resolve(__dirname, '../../serverless.yml');

/**
 * CloudFormation's short-form intrinsic functions. Local tooling never
 * evaluates them; they load as their long form (`{Ref: X}`,
 * `{'Fn::GetAtt': [...]}`) so the rest of the file still parses.
 */
const INTRINSIC_FUNCTIONS = [
  'Ref',
  'Condition',
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'And',
  'Equals',
  'If',
  'Not',
  'Or',
];

function longFormKey(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/** `!GetAtt Table.Arn` is short for `['Table', 'Arn']`. */
function scalarArgument(name: string, source: string): unknown {
  if (name !== 'GetAtt') return source;
  const dot = source.indexOf('.');

  return dot < 0 ? [source] : [source.slice(0, dot), source.slice(dot + 1)];
}

function tagsFor(name: string): TagDefinition[] {
  const tagName = `!${name}`;
  const key = longFormKey(name);
  const wrap = (value: unknown) => ({ [key]: value });
  const neverDumped = () => false;

  return [
    defineScalarTag(tagName, {
      resolve: (source) => wrap(scalarArgument(name, source)),
      identify: neverDumped,
    }),
    defineSequenceTag<unknown[], unknown>(tagName, {
      create: () => [],
      addItem: (list, item) => {
        list.push(item);
      },
      finalize: wrap,
      identify: neverDumped,
    }),
    defineMappingTag<Map<unknown, unknown>, unknown>(tagName, {
      create: () => new Map(),
      addPair: (map, pairKey, value) => {
        map.set(pairKey, value);

        return '';
      },
      has: (map, pairKey) => map.has(pairKey),
      // An intrinsic function is never the source of a `<<` merge.
      keys: () => [],
      get: () => undefined,
      finalize: (map) => wrap(Object.fromEntries(map)),
      identify: neverDumped,
    }),
  ];
}

/** The YAML schema for serverless.yml: the core schema plus `!Ref` & co. */
export const serverlessYamlSchema: Schema = CORE_SCHEMA.withTags(
  ...INTRINSIC_FUNCTIONS.flatMap(tagsFor),
);

/** Parses serverless.yml (variables such as `${sls:stage}` stay as text). */
export function loadServerlessConfig(file = SERVERLESS_FILE): unknown {
  return load(readFileSync(file, 'utf8'), {
    filename: file,
    schema: serverlessYamlSchema,
  });
}
