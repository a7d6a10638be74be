/**
 * functions/board.ts bundled as the package step bundles it, the board
 * embedded by the esbuild plugin serverless.yml names, answering the
 * events API Gateway sends on the board's routes: the page, stylesheets
 * and script under the board's headers, a redirect to the page, and a 404
 * for anything else.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BOARD_DIRECTORY,
  bundleBoard,
} from '../../src/board-hosting/board-build';
import { BOARD_HEADERS } from '../../src/board-hosting/board-files';
import { embedBoardPlugin } from '../../src/board-hosting/embed-board-plugin';
import { httpApiEvent } from '../../src/local/http-api-event';
import { readHttpApiRoutes } from '../../src/local/http-api-routes';
import { loadServerlessConfig } from '../../src/local/serverless-config';
import { matchPath } from '../../src/staff-api/route-path';

type Handler = (event: unknown) => Promise<APIGatewayProxyStructuredResultV2>;

const ROOT = join(__dirname, '..', '..');
const ORIGIN = 'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com';
const CSS = 'text/css; charset=utf-8';

/** The board function's routes, as serverless.yml declares them. */
const routes = readHttpApiRoutes().filter(
  (route) => route.functionKey === 'board',
);

/**
 * functions/board.ts bundled to CommonJS with serverless.yml's esbuild
 * options (minified, no source map) and the board's plugin, as `sls
 * package` bundles it.
 */
async function bundleHandler(directory: string): Promise<string> {
  const outfile = join(directory, 'board.cjs');
  await build({
    entryPoints: [join(ROOT, 'functions', 'board.ts')],
    outfile,
    bundle: true,
    minify: true,
    sourcemap: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [embedBoardPlugin()],
    logLevel: 'silent',
  });

  return outfile;
}

/** The event of `GET <path>`, on the board route the path matches. */
function get(rawPath: string): unknown {
  const matched = routes
    .map((route) => ({ route, parameters: matchPath(route.path, rawPath) }))
    .find(({ parameters }) => parameters !== undefined);
  if (matched === undefined) throw new Error(`no board route for ${rawPath}`);
  const { route, parameters } = matched;

  return httpApiEvent({
    method: 'GET',
    rawPath,
    rawQueryString: '',
    headers: { host: new URL(ORIGIN).host, accept: '*/*' },
    routeKey: `${route.method} ${route.path}`,
    ...(Object.keys(parameters ?? {}).length > 0 && {
      pathParameters: parameters,
    }),
  });
}

function source(name: string): string {
  return readFileSync(join(BOARD_DIRECTORY, name), 'utf8');
}

const bundles = mkdtempSync(join(tmpdir(), 'board-test-'));
let bundle: string;
let handler: Handler;

beforeAll(async () => {
  const outfile = await bundleHandler(bundles);
  bundle = readFileSync(outfile, 'utf8');
  handler = ((await import(outfile)) as { handler: Handler }).handler;
}, 30_000);

afterAll(() => {
  rmSync(bundles, { recursive: true, force: true });
});

describe('functions/board, as packaged', () => {
  it('is bundled through the plugin file serverless.yml names', () => {
    const config = loadServerlessConfig() as {
      custom: { esbuild: { plugins: string } };
    };
    const plugins = readFileSync(join(ROOT, config.custom.esbuild.plugins));

    expect(plugins.toString()).toContain('embedBoardPlugin');
  });

  it('has two public routes: /board and /board/{file}', () => {
    expect(routes.map((route) => `${route.method} ${route.path}`)).toEqual([
      'GET /board',
      'GET /board/{file}',
    ]);
    expect(routes.map((route) => route.authorizer)).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('carries the page in its bundle and compiles nothing at run time', () => {
    expect(bundle).toContain('<title>Order board</title>');
    expect(bundle).not.toMatch(/require\("(esbuild|node:fs|fs)/);
  });

  it('redirects /board to the page, relative to where the API is', async () => {
    // Act
    const answer = await handler(get('/board'));

    // Assess
    expect(answer.statusCode).toBe(301);
    const location = String(answer.headers?.location);
    expect(new URL(location, `${ORIGIN}/board`).href).toBe(
      `${ORIGIN}/board/index.html`,
    );
    expect(new URL(location, `${ORIGIN}/prod/board`).href).toBe(
      `${ORIGIN}/prod/board/index.html`,
    );
    expect(answer.body).toBe('');
  });

  it('serves the page under a policy that runs only its own script', async () => {
    // Act
    const answer = await handler(get('/board/index.html'));

    // Assess
    expect(answer.statusCode).toBe(200);
    expect(answer.headers).toEqual({
      ...BOARD_HEADERS,
      'content-type': 'text/html; charset=utf-8',
    });
    expect(answer.headers?.['content-security-policy']).toContain(
      "script-src 'self'",
    );
    expect(answer.headers?.['referrer-policy']).toBe('no-referrer');
    expect(answer.headers?.['cache-control']).toBe('no-store');
    expect(answer.body).toBe(source('index.html'));
    expect(answer.body).toContain('<script type="module" src="app.js">');
  });

  it('serves the page for events/board-get-page.json', async () => {
    const event: unknown = JSON.parse(
      readFileSync(join(ROOT, 'events', 'board-get-page.json'), 'utf8'),
    );

    const answer = await handler(event);

    expect(answer.statusCode).toBe(200);
    expect(answer.body).toBe(source('index.html'));
  });

  it('serves the page for /board/ should the gateway hand it over', async () => {
    const event = get('/board') as { rawPath: string };
    event.rawPath = '/board/';

    const answer = await handler(event);

    expect(answer.statusCode).toBe(200);
    expect(answer.body).toBe(source('index.html'));
  });

  it.each([
    ['board.css', CSS],
    ['cards.css', CSS],
    ['panels.css', CSS],
  ])('serves %s as it is, as %s', async (name, type) => {
    const answer = await handler(get(`/board/${name}`));

    expect(answer.statusCode).toBe(200);
    expect(answer.headers).toEqual({ ...BOARD_HEADERS, 'content-type': type });
    expect(answer.body).toBe(source(name));
  });

  it('serves the script compiled from TypeScript, minified', async () => {
    const readable = await bundleBoard(BOARD_DIRECTORY, { sourceMap: false });

    const answer = await handler(get('/board/app.js'));

    expect(answer.statusCode).toBe(200);
    expect(answer.headers?.['content-type']).toBe(
      'text/javascript; charset=utf-8',
    );
    expect(answer.body).toContain('Sign in to see the orders.');
    expect(answer.body).not.toContain('sourceMappingURL');
    expect(String(answer.body).length).toBeLessThan(readable.length);
  });

  it.each([
    'app.ts',
    'tsconfig.json',
    'session.ts',
    'index.htm',
    'APP.JS',
    '..%2Fpackage.json',
    '..%2F..%2Fserverless.yml',
    '%2E%2E%2Fboard-hosting%2Fboard-files.ts',
    'app.js%2F',
    '%2Fetc%2Fpasswd',
    '..%5Cpackage.json',
    '__proto__',
    'constructor',
    'hasOwnProperty',
  ])('answers 404 for /board/%s', async (file) => {
    const answer = await handler(get(`/board/${file}`));

    expect(answer.statusCode).toBe(404);
    expect(answer.body).toBe('not found\n');
    expect(answer.headers).toEqual({
      ...BOARD_HEADERS,
      'content-type': 'text/plain; charset=utf-8',
    });
  });
});
