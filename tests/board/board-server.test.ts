/**
 * The board's server and link: what `npm start` prints, what the browser
 * is sent, and that the board's TypeScript checks against the DOM (the
 * project's tsc leaves src/board out; its own tsconfig checks it here).
 */
import { join } from 'node:path';
import ts from 'typescript';
import {
  BOARD_DIRECTORY,
  type BoardServer,
  boardUrl,
  startBoardServer,
} from '../../src/local/board-server';

describe('boardUrl', () => {
  it('carries the API and the token in the fragment only', () => {
    const link = new URL(
      boardUrl({
        boardOrigin: 'http://localhost:8080/',
        apiUrl: 'http://127.0.0.1:3000',
        token: 'header.payload.signature',
      }),
    );

    expect(link.origin).toBe('http://localhost:8080');
    expect(link.pathname).toBe('/');
    expect(link.search).toBe('');
    const fragment = new URLSearchParams(link.hash.slice(1));
    expect(fragment.get('api')).toBe('http://127.0.0.1:3000');
    expect(fragment.get('token')).toBe('header.payload.signature');
  });
});

describe('the board server', () => {
  let server: BoardServer;

  beforeAll(async () => {
    server = await startBoardServer({ port: 0 });
  });

  afterAll(async () => {
    await server.close();
  });

  it('names itself by localhost, the origin serverless.yml allows', () => {
    expect(server.origin).toBe(`http://localhost:${server.port}`);
    expect(server.url).toBe(`${server.origin}/`);
  });

  it('serves the page under a policy that runs only its own script', async () => {
    const reply = await fetch(server.url);

    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(reply.headers.get('content-security-policy')).toContain(
      "script-src 'self'",
    );
    expect(reply.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await reply.text()).toContain('<script type="module" src="app.js">');
  });

  it('compiles the script from TypeScript, with no server code in it', async () => {
    const reply = await fetch(new URL('app.js', server.url));
    const script = await reply.text();

    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
    expect(script).toContain('StaffApiClient');
    expect(script).not.toContain('node_modules/zod');
  });

  it('serves nothing but the board', async () => {
    const outside = await fetch(new URL('/package.json', server.url));
    const source = await fetch(new URL('/app.ts', server.url));
    const posted = await fetch(server.url, { method: 'POST' });

    expect(outside.status).toBe(404);
    expect(source.status).toBe(404);
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe("the board's TypeScript", () => {
  it('type-checks against the DOM library', () => {
    const file = join(BOARD_DIRECTORY, 'tsconfig.json');
    const read = ts.readConfigFile(file, (path) => ts.sys.readFile(path));
    const config: unknown = read.config;
    const parsed = ts.parseJsonConfigFileContent(
      config,
      ts.sys,
      BOARD_DIRECTORY,
    );
    const program = ts.createProgram(parsed.fileNames, parsed.options);

    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file?.fileName ?? file;

      return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });

    expect(parsed.fileNames.length).toBeGreaterThan(5);
    expect(problems).toEqual([]);
  });
});
