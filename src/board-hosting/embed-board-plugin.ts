/**
 * An esbuild plugin for the package step (serverless-esbuild loads it
 * through esbuild-plugins.mjs): it compiles the board and puts its files,
 * as strings, in place of packaged-board.ts, so the board function's
 * bundle carries the page and needs nothing else at run time.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { BOARD_DIRECTORY, readBoardFiles } from './board-build';
import type { BoardFiles } from './board-files';

/** The module the plugin replaces. */
export const PACKAGED_BOARD_MODULE = resolve(__dirname, 'packaged-board.ts');

/**
 * Embeds the board of `directory` (default src/board) in whatever bundle
 * imports packaged-board.ts. The script is minified, with a source map or
 * not, as the functions' own bundle is.
 */
export function embedBoardPlugin(directory = BOARD_DIRECTORY): Plugin {
  return {
    name: 'embed-board',
    setup(build) {
      const { minify = false, sourcemap = false } = build.initialOptions;
      build.onLoad({ filter: /[\\/]packaged-board\.ts$/ }, async (args) => {
        if (args.path !== PACKAGED_BOARD_MODULE) return undefined;
        const files = await readBoardFiles(directory, {
          minify,
          sourceMap: sourcemap !== false,
          esbuild: build.esbuild,
        });

        return { contents: moduleOf(files), loader: 'js' };
      });
    },
  };
}

/** packaged-board.ts's one export, answering with the files as they are. */
function moduleOf(files: BoardFiles): string {
  return [
    `const files = ${JSON.stringify(files)};`,
    'export function loadBoardFiles() {',
    '  return Promise.resolve(files);',
    '}',
  ].join('\n');
}
