/**
 * Produces the board's files from src/board: the page and stylesheets as
 * they are, the script compiled from TypeScript by esbuild. The local
 * board server calls this on each request; the package step calls it once
 * and embeds the result in the board function (embed-board-plugin.ts).
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build, type PluginBuild } from 'esbuild';
import type { BoardFileName, BoardFiles } from './board-files';

/** Where the board's sources are. */
export const BOARD_DIRECTORY = resolve(__dirname, '../board');

/** How the board's script is compiled. */
export interface BoardBundleOptions {
  /** Default false: readable in the browser's developer tools. */
  minify?: boolean;
  /** Default true: an inline source map, to debug the TypeScript. */
  sourceMap?: boolean;
  /**
   * The esbuild to compile with; default the one this module imports. A
   * plugin passes the esbuild that runs it: the copy tsx loads for the
   * package step cannot find esbuild's binary.
   */
  esbuild?: PluginBuild['esbuild'];
}

/** The board's script: src/board/app.ts and its imports, one module. */
export async function bundleBoard(
  directory = BOARD_DIRECTORY,
  options: BoardBundleOptions = {},
): Promise<string> {
  const compile = options.esbuild?.build ?? build;
  const result = await compile({
    entryPoints: [join(directory, 'app.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    charset: 'utf8',
    minify: options.minify ?? false,
    // Inline: the page is served a fixed set of files, with no .map.
    sourcemap: (options.sourceMap ?? true) ? 'inline' : false,
    write: false,
    logLevel: 'silent',
  });

  return result.outputFiles.map((file) => file.text).join('\n');
}

/** One of the board's files, as served. */
export async function readBoardFile(
  name: BoardFileName,
  directory = BOARD_DIRECTORY,
  options: BoardBundleOptions = {},
): Promise<string> {
  if (name === 'app.js') return bundleBoard(directory, options);

  return readFile(join(directory, name), 'utf8');
}

/** All of the board's files, as served. */
export async function readBoardFiles(
  directory = BOARD_DIRECTORY,
  options: BoardBundleOptions = {},
): Promise<BoardFiles> {
  const [page, board, cards, panels, app] = await Promise.all([
    readBoardFile('index.html', directory),
    readBoardFile('board.css', directory),
    readBoardFile('cards.css', directory),
    readBoardFile('panels.css', directory),
    readBoardFile('app.js', directory, options),
  ]);

  return {
    'index.html': page,
    'board.css': board,
    'cards.css': cards,
    'panels.css': panels,
    'app.js': app,
  };
}
