/**
 * Serves the live order board (src/board) on this machine: the page, its
 * stylesheet, and its script compiled from TypeScript by esbuild on each
 * request, so an edit shows on the next reload with no build step.
 *
 * The board calls the staff API from the browser, and the API lets only
 * serverless.yml's `boardOrigin` (http://localhost:8080 by default) read
 * its answers. A browser's Origin is the host as the address bar spells
 * it, so the board's URL says `localhost`, never 127.0.0.1, while the
 * socket listens on 127.0.0.1 alone: browsers resolve localhost to the
 * loopback address themselves, and nothing outside this machine can
 * connect.
 */
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { BOARD_DIRECTORY, readBoardFile } from '../board-hosting/board-build';
import {
  BOARD_FILE_TYPES,
  BOARD_HEADERS,
  type BoardFileName,
  isBoardFileName,
} from '../board-hosting/board-files';
import { PortInUse } from './ports';

// The board's files are produced in src/board-hosting, which the deployed
// board function shares; these names stay importable from here.
export { BOARD_DIRECTORY, bundleBoard } from '../board-hosting/board-build';

/** The port of serverless.yml's default `boardOrigin`. */
export const DEFAULT_BOARD_PORT = 8080;

/** How to start the board server. */
export interface StartBoardServerOptions {
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: nothing outside this machine can connect. */
  host?: string;
  /** The board's files. Default: src/board. */
  directory?: string;
}

/** A running board server. */
export interface BoardServer {
  /** The page, e.g. `http://localhost:8080/`. */
  url: string;
  /** What browsers send as Origin: the staff API's `boardOrigin`. */
  origin: string;
  port: number;
  close(): Promise<void>;
}

/** What the link to a signed-in board is made of. */
export interface BoardLink {
  /** The board server's origin, e.g. `http://localhost:8080`. */
  boardOrigin: string;
  /** The staff API, e.g. `http://127.0.0.1:3000`. */
  apiUrl: string;
  /** A staff token (see `issueStaffToken`). */
  token: string;
}

/**
 * The link that opens the board signed in. API and token travel in the
 * fragment, which the browser keeps to itself: no server, log or proxy
 * sees the token, and the board wipes it from the address bar.
 */
export function boardUrl({ boardOrigin, apiUrl, token }: BoardLink): string {
  const fragment = new URLSearchParams({ api: apiUrl, token });

  return `${boardOrigin.replace(/\/+$/, '')}/#${fragment.toString()}`;
}

/** Starts serving; rejects with PortInUse when the port is taken. */
export async function startBoardServer(
  options: StartBoardServerOptions = {},
): Promise<BoardServer> {
  const directory = options.directory ?? BOARD_DIRECTORY;
  const server = createServer((request, response) => {
    void answer(request, response, directory);
  });
  const port = await listen(
    server,
    options.port ?? DEFAULT_BOARD_PORT,
    options.host ?? '127.0.0.1',
  );
  const origin = `http://localhost:${port}`;

  return {
    url: `${origin}/`,
    origin,
    port,
    close: () => closeServer(server),
  };
}

/** The board file a path names: `/` is the page; undefined if none. */
function boardFileAt(path: string): BoardFileName | undefined {
  const name = path === '/' ? 'index.html' : path.slice(1);

  return isBoardFileName(name) ? name : undefined;
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  directory: string,
): Promise<void> {
  const method = request.method ?? 'GET';
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const name = boardFileAt(path);
  if (method !== 'GET' && method !== 'HEAD') {
    send(response, 405, 'method not allowed\n', { allow: 'GET, HEAD' });
  } else if (name === undefined) {
    send(response, 404, 'not found\n');
  } else {
    try {
      const body = await readBoardFile(name, directory);
      send(response, 200, method === 'HEAD' ? '' : body, {
        'content-type': BOARD_FILE_TYPES[name],
      });
    } catch (error) {
      // Locally, the reason (a TypeScript syntax error, say) helps most.
      const reason = error instanceof Error ? error.message : String(error);
      send(response, 500, `the board could not be served: ${reason}\n`);
    }
  }
}

function send(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    ...BOARD_HEADERS,
    ...headers,
  });
  response.end(body);
}

async function listen(
  server: Server,
  port: number,
  host: string,
): Promise<number> {
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUse(port) : error);
    });
    server.listen({ port, host, exclusive: true }, resolveListen);
  });
  const address = server.address();

  return typeof address === 'object' && address ? address.port : port;
}

async function closeServer(server: Server): Promise<void> {
  return new Promise((resolveClose) => {
    server.close(() => {
      resolveClose();
    });
    // The board's open keep-alive connections would hold close() open.
    server.closeAllConnections();
  });
}
