/**
 * The board's files for functions/board.ts. Run from source (`npm start`,
 * tests) they are read and compiled from src/board on each call, so an
 * edit shows on the next reload. The package step replaces this whole
 * module with the files themselves (embed-board-plugin.ts): the deployed
 * bundle holds the page as text, with no esbuild and no file reads.
 */
import { readBoardFiles } from './board-build';
import type { BoardFiles } from './board-files';

/** The board's files, as served. */
export function loadBoardFiles(): Promise<BoardFiles> {
  return readBoardFiles();
}
