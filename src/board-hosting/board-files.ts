/**
 * The order board's files as browsers get them, wherever they are served
 * from: the local board server (`npm start`) and the board function on
 * the deployed HTTP API send the same files under the same headers.
 */

const CSS = 'text/css; charset=utf-8';

/**
 * Every file of the board, by the name the page asks for, with its media
 * type. Nothing else is ever served: a request names one of these or gets
 * a 404, so no path can reach another file.
 */
export const BOARD_FILE_TYPES = {
  'index.html': 'text/html; charset=utf-8',
  'board.css': CSS,
  'cards.css': CSS,
  'panels.css': CSS,
  // Compiled from src/board/app.ts and its imports.
  'app.js': 'text/javascript; charset=utf-8',
} as const;

/** The name of one of the board's files, e.g. `app.js`. */
export type BoardFileName = keyof typeof BOARD_FILE_TYPES;

/** The board's files, each as the text served. */
export type BoardFiles = Readonly<Record<BoardFileName, string>>;

/** True when `name` is exactly one of the board's files. */
export function isBoardFileName(name: string): name is BoardFileName {
  // Own keys only: `constructor` or `__proto__` are not files.
  return Object.hasOwn(BOARD_FILE_TYPES, name);
}

/**
 * Sent with every answer. The page may run only its own script and style,
 * and talk to an API on any http(s) origin (the API's address may come
 * with the link); it may not be framed, and it sends no Referer.
 */
export const BOARD_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    'img-src data:',
    'connect-src http: https:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  // A reload gets the board as it is now, never an older cached copy.
  'cache-control': 'no-store',
};
