/**
 * Why a package is in a bundle: the chain of imports from the handler's
 * file to it, read from esbuild's metafile.
 */
import type { Metafile } from 'esbuild';

/**
 * The shortest import chain from the bundle's entry (the first input
 * under `functions/`, or the first input) to the first input whose path
 * contains `node_modules/<packageName>/`; empty when none does.
 */
export function importChain(metafile: Metafile, packageName: string): string[] {
  const inputs = metafile.inputs;
  const paths = Object.keys(inputs);
  const entry = paths.find((path) => path.startsWith('functions/')) ?? paths[0];
  if (entry === undefined) return [];
  const marker = `node_modules/${packageName}/`;
  const cameFrom = new Map<string, string>();
  const queue = [entry];
  const seen = new Set(queue);
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (path.includes(marker)) return chainTo(path, cameFrom);
    for (const imported of inputs[path]?.imports ?? []) {
      if (seen.has(imported.path)) continue;
      seen.add(imported.path);
      cameFrom.set(imported.path, path);
      queue.push(imported.path);
    }
  }

  return [];
}

function chainTo(path: string, cameFrom: Map<string, string>): string[] {
  const chain: string[] = [];
  for (let step: string | undefined = path; step; step = cameFrom.get(step)) {
    chain.unshift(step);
  }

  return chain;
}

/** The chain up to where it leaves our code: our files, then the package. */
export function ourPartOf(chain: readonly string[], packageName: string) {
  const ours = chain.filter((path) => !path.includes('node_modules/'));

  return ours.length === 0 ? [] : [...ours, packageName];
}
