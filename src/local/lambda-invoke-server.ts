/**
 * The AWS Lambda Invoke API over plain HTTP, for every function in
 * serverless.yml, as serverless-offline serves it: any Lambda client (the
 * AWS CLI, an SDK `LambdaClient`, `npm run call -- --function`) can invoke
 * the local functions by their deployed names.
 */
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import {
  FunctionNotFound,
  InvalidRequestContent,
  type LocalFunctions,
} from './local-functions';
import { PortInUse } from './ports';

/** Where and what to serve. */
export interface LambdaInvokeServerOptions {
  functions: LocalFunctions;
  /** Default 3002, serverless-offline's; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: nothing outside this machine can invoke. */
  host?: string;
  /** Told of every invocation once it is answered. */
  onInvoke?: (invocation: InvocationLog) => void;
}

/** One request to a function, for a log line. */
export interface InvocationLog {
  functionName: string;
  status: number;
  functionError?: string;
  durationMs: number;
}

/** A running server. */
export interface LambdaInvokeServer {
  /** `http://127.0.0.1:<port>`, for a client's `endpoint`. */
  endpoint: string;
  port: number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** serverless-offline's port for the Invoke API. */
export const DEFAULT_LAMBDA_PORT = 3002;

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

/** Lambda's limit for a synchronous invocation's payload. */
const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

/**
 * Starts serving. Rejects with {@link PortInUse} when the port is taken.
 */
export async function startLambdaInvokeServer(
  options: LambdaInvokeServerOptions,
): Promise<LambdaInvokeServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((request, response) => {
    void answer(request, response, options);
  });
  await listen(server, options.port ?? DEFAULT_LAMBDA_PORT, host);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    endpoint: `http://${host}:${port}`,
    port,
    close: () => closeServer(server),
  };
}

async function listen(server: Server, port: number, host: string) {
  return new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUse(port) : error);
    });
    server.listen({ port, host, exclusive: true }, resolve);
  });
}

async function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => {
      resolve();
    });
    // Keep-alive sockets of SDK clients would otherwise hold close() open.
    server.closeAllConnections();
  });
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  options: LambdaInvokeServerOptions,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const match = INVOKE_PATH.exec(url.pathname);
  if (request.method !== 'POST' || match === null) {
    send(response, 404, {
      message:
        `No route for ${request.method ?? ''} ${url.pathname}; ` +
        'invoke with POST /2015-03-31/functions/<name>/invocations',
    });

    return;
  }
  const startedAt = performance.now();
  const functionName = deployedName(match[1] ?? '');
  const status = await invoke(functionName, request, response, options);
  options.onInvoke?.({
    functionName,
    status,
    functionError: response.getHeader('X-Amz-Function-Error') as
      string | undefined,
    durationMs: Math.round(performance.now() - startedAt),
  });
}

/** Answers one invocation; resolves with the HTTP status sent. */
async function invoke(
  functionName: string,
  request: IncomingMessage,
  response: ServerResponse,
  options: LambdaInvokeServerOptions,
): Promise<number> {
  try {
    const body = await readBody(request);
    const type = request.headers['x-amz-invocation-type'];
    if (type === 'DryRun') return send(response, 204);
    const running = options.functions.invoke(functionName, body);
    if (type === 'Event') {
      // Asynchronous: Lambda queues the event and answers at once.
      running.catch(() => undefined);

      return send(response, 202);
    }
    const result = await running;
    const headers: Record<string, string> = {};
    if (result.functionError !== undefined) {
      headers['X-Amz-Function-Error'] = result.functionError;
    }

    return send(response, 200, result.payload, headers);
  } catch (error) {
    return sendError(response, error);
  }
}

/** An ARN or a `name:alias` both name the function `name` here. */
function deployedName(pathPart: string): string {
  const name = decodeURIComponent(pathPart);
  if (name.startsWith('arn:')) return name.split(':')[6] ?? name;

  return name.split(':')[0] ?? name;
}

class RequestTooLarge extends Error {
  constructor() {
    super(`Request must be smaller than ${MAX_PAYLOAD_BYTES} bytes`);
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_PAYLOAD_BYTES) throw new RequestTooLarge();
    chunks.push(buffer);
  }

  return Buffer.concat(chunks).toString('utf8');
}

/** Lambda's error answers: the type in a header, the message in JSON. */
function sendError(response: ServerResponse, error: unknown): number {
  const { status, type, message } = describeError(error);

  return send(
    response,
    status,
    { Type: status < 500 ? 'User' : 'Service', message },
    { 'x-amzn-ErrorType': type },
  );
}

function describeError(error: unknown): {
  status: number;
  type: string;
  message: string;
} {
  if (error instanceof FunctionNotFound) {
    return {
      status: 404,
      type: 'ResourceNotFoundException',
      message: error.message,
    };
  }
  if (error instanceof InvalidRequestContent) {
    return {
      status: 400,
      type: 'InvalidRequestContentException',
      message: error.message,
    };
  }
  if (error instanceof RequestTooLarge) {
    return {
      status: 413,
      type: 'RequestTooLargeException',
      message: error.message,
    };
  }

  return { status: 500, type: 'ServiceException', message: String(error) };
}

function send(
  response: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): number {
  const text =
    body === undefined || typeof body === 'string'
      ? (body ?? '')
      : JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'X-Amz-Executed-Version': '$LATEST',
    ...headers,
  });
  response.end(text);

  return status;
}
