/**
 * Runs one esbuild build in a plain `node` process, as `sls package` runs
 * it, so that serverless.yml's plugins file loads as it does there and
 * not through the tsx loader this process runs under.
 */
import { spawn } from 'node:child_process';
import type { BuildOptions, Metafile } from 'esbuild';

/** One build: esbuild's options (no plugins) and serverless' plugins file. */
export interface ChildBuild {
  options: BuildOptions;
  /** Absolute path of the plugins module, as serverless-esbuild loads it. */
  pluginsPath?: string;
  /** Where `esbuild` and the plugins' packages resolve from. */
  cwd: string;
}

/**
 * serverless-esbuild's handling of `plugins`, then the build. The plugins
 * module's export (its default, if an ES module) is the list or a
 * function returning it. Prints the metafile, or the first error's text.
 */
const CHILD_SCRIPT = `
import { build } from 'esbuild';
const spec = JSON.parse(process.env.BENCH_BUILD);
let plugins = [];
if (spec.pluginsPath) {
  const loaded = await import(spec.pluginsPath);
  const exported = loaded.default ?? loaded;
  plugins = typeof exported === 'function' ? await exported() : exported;
}
try {
  const result = await build({ ...spec.options, plugins, metafile: true,
    logLevel: 'silent' });
  process.stdout.write(JSON.stringify({ metafile: result.metafile }));
} catch (error) {
  const text = error.errors?.[0]?.text ?? String(error);
  process.stdout.write(JSON.stringify({ error: text }));
}
`;

/** Thrown when a build fails; the message is esbuild's. */
export class BuildFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildFailed';
  }
}

/** Builds in a child process and resolves with the metafile. */
export function buildInChild(spec: ChildBuild): Promise<Metafile> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', CHILD_SCRIPT],
      {
        cwd: spec.cwd,
        env: { ...process.env, BENCH_BUILD: JSON.stringify(spec) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', reject);
    child.once('close', () => {
      try {
        const answer = JSON.parse(output) as {
          metafile?: Metafile;
          error?: string;
        };
        if (answer.metafile !== undefined) resolve(answer.metafile);
        else reject(new BuildFailed(answer.error ?? 'no metafile'));
      } catch {
        reject(new BuildFailed(errors.trim() || 'the build printed nothing'));
      }
    });
  });
}
