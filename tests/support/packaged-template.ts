/**
 * Packages the service as `sls deploy` would, offline, and reads back the
 * CloudFormation template it would deploy.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Template, TemplateResource } from './cloudformation-spec';

const ROOT = resolve(__dirname, '../..');
const SLS = join(ROOT, 'node_modules/.bin/sls');

/** What `sls deploy` would upload: the template and each function's zip. */
export interface PackagedService {
  template: Template;
  /** Each function's package by file name, e.g. `board.zip`. */
  archives: Map<string, Buffer>;
}

/**
 * Runs `sls package --stage <stage> --package <temporary folder>` and
 * returns the update-stack template. The shell's OPENING_HOURS is left out:
 * serverless.yml lets it override the stage's opening hours.
 */
export async function packageTemplate(stage: string): Promise<Template> {
  return (await packageService(stage)).template;
}

/**
 * As {@link packageTemplate}, with the functions' packages; `params` are
 * passed as `--param="name=value"`. Packagings share serverless-esbuild's
 * work folder in the repository: run them one after the other.
 */
export async function packageService(
  stage: string,
  params: Record<string, string> = {},
): Promise<PackagedService> {
  const folder = mkdtempSync(join(tmpdir(), 'sls-package-'));
  const env = { ...process.env };
  delete env.OPENING_HOURS;
  const paramOptions = Object.entries(params).map(
    ([name, value]) => `--param=${name}=${value}`,
  );
  try {
    await promisify(execFile)(
      SLS,
      ['package', '--stage', stage, '--package', folder, ...paramOptions],
      { cwd: ROOT, env, timeout: 120_000 },
    );
    const file = join(folder, 'cloudformation-template-update-stack.json');
    const archives = readdirSync(folder)
      .filter((name) => name.endsWith('.zip'))
      .map((name): [string, Buffer] => [
        name,
        readFileSync(join(folder, name)),
      ]);

    return {
      template: JSON.parse(readFileSync(file, 'utf8')) as Template,
      archives: new Map(archives),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The template's resources of one type, by logical id. */
export function resourcesOfType(
  template: Template,
  type: string,
): [string, TemplateResource][] {
  return Object.entries(template.Resources).filter(
    ([, resource]) => resource.Type === type,
  );
}

/** One statement of an IAM policy document. */
export interface PolicyStatement {
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  Resource?: unknown;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** A value CloudFormation allows as one item or a list of them. */
export function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];

  return Array.isArray(value) ? value : [value];
}

/** Every statement of the roles' and policies' identity policies. */
export function identityStatements(
  template: Template,
): { where: string; statement: PolicyStatement }[] {
  const documents = Object.entries(template.Resources).flatMap(
    ([id, resource]) => {
      const properties = resource.Properties ?? {};
      if (resource.Type === 'AWS::IAM::Role') {
        const policies = asList(
          properties.Policies as { PolicyDocument: unknown }[] | undefined,
        );

        return policies.map((policy) => ({
          id,
          document: policy.PolicyDocument,
        }));
      }
      const isPolicy =
        resource.Type === 'AWS::IAM::Policy' ||
        resource.Type === 'AWS::IAM::ManagedPolicy';

      return isPolicy ? [{ id, document: properties.PolicyDocument }] : [];
    },
  );

  return documents.flatMap(({ id, document }) =>
    asList(
      (document as { Statement?: PolicyStatement | PolicyStatement[] })
        .Statement,
    ).map((statement) => ({ where: id, statement })),
  );
}
