/**
 * What the board function answers on the HTTP API: the board's files under
 * `/board/`, a redirect from `/board` to the page, 404 for anything else.
 */
import {
  BOARD_FILE_TYPES,
  BOARD_HEADERS,
  type BoardFileName,
  type BoardFiles,
  isBoardFileName,
} from './board-files';

/** The parts of an HTTP API request the answer depends on. */
export interface BoardRequest {
  /** The path as received, e.g. `/board/app.js`. */
  rawPath: string;
  /** The `{file}` of `GET /board/{file}`; absent on `GET /board`. */
  file?: string;
}

/** An answer in the HTTP API's payload 2.0 result format. */
export interface BoardAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Where `GET /board` sends the browser. HTTP API routes cannot end in a
 * slash and `/board/` reaches no route, so the page is served by its own
 * name. The reference is relative, to stay under any base path the API is
 * mapped to, and the browser keeps the link's fragment across it.
 */
export const BOARD_PAGE_REDIRECT = 'board/index.html';

/** Answers a request for the board; reads the files only to serve one. */
export async function answerBoardRequest(
  request: BoardRequest,
  loadFiles: () => Promise<BoardFiles>,
): Promise<BoardAnswer> {
  if (request.file === undefined) {
    // A gateway that hands `/board/` to this route must not loop on it.
    if (request.rawPath.endsWith('/')) return serve('index.html', loadFiles);

    return answer(301, '', { location: BOARD_PAGE_REDIRECT });
  }
  if (!isBoardFileName(request.file)) return answer(404, 'not found\n');

  return serve(request.file, loadFiles);
}

async function serve(
  name: BoardFileName,
  loadFiles: () => Promise<BoardFiles>,
): Promise<BoardAnswer> {
  const files = await loadFiles();

  return answer(200, files[name], { 'content-type': BOARD_FILE_TYPES[name] });
}

function answer(
  statusCode: number,
  body: string,
  headers: Record<string, string> = {},
): BoardAnswer {
  return {
    statusCode,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      ...BOARD_HEADERS,
      ...headers,
    },
    body,
  };
}
