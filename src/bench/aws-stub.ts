/**
 * Answers the three AWS calls the notification functions make besides
 * DynamoDB (EventBridge PutEvents, End User Messaging SendTextMessage,
 * SES v2 SendEmail) as AWS would, so a cold start can run the deployed
 * code path to its end without an account. The functions reach it
 * through the SDK's service endpoint variables (`AWS_ENDPOINT_URL_*`),
 * which leave their code and clients as deployed.
 */
import { randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';

/** A running stub. */
export interface AwsStub {
  endpoint: string;
  /** The SDK variables that point the three clients at the stub. */
  environment: Record<string, string>;
  /** Requests answered, by operation. */
  answered: Record<string, number>;
  close(): Promise<void>;
}

interface Answer {
  operation: string;
  contentType: string;
  body: unknown;
}

/** Starts the stub on a free port of 127.0.0.1. */
export async function startAwsStub(): Promise<AwsStub> {
  const answered: Record<string, number> = {};
  const server = createServer((request, response) => {
    void respond(request, response, answered);
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const endpoint = `http://127.0.0.1:${port}`;

  return {
    endpoint,
    environment: {
      AWS_ENDPOINT_URL_EVENTBRIDGE: endpoint,
      AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2: endpoint,
      AWS_ENDPOINT_URL_SESV2: endpoint,
    },
    answered,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

async function respond(
  request: IncomingMessage,
  response: ServerResponse,
  answered: Record<string, number>,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const answer = answerFor(request, body);
  answered[answer.operation] = (answered[answer.operation] ?? 0) + 1;
  const text = JSON.stringify(answer.body);
  response.writeHead(answer.operation === 'unknown' ? 400 : 200, {
    'Content-Type': answer.contentType,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
  });
  response.end(text);
}

function answerFor(request: IncomingMessage, body: string): Answer {
  const target = request.headers['x-amz-target'];
  if (target === 'AWSEvents.PutEvents') {
    const entries = (JSON.parse(body) as { Entries?: unknown[] }).Entries ?? [];

    return {
      operation: 'PutEvents',
      contentType: 'application/x-amz-json-1.1',
      body: {
        FailedEntryCount: 0,
        Entries: entries.map(() => ({ EventId: randomUUID() })),
      },
    };
  }
  if (target === 'PinpointSMSVoiceV2.SendTextMessage') {
    return {
      operation: 'SendTextMessage',
      contentType: 'application/x-amz-json-1.0',
      body: { MessageId: randomUUID() },
    };
  }
  if (request.url?.startsWith('/v2/email/outbound-emails') === true) {
    return {
      operation: 'SendEmail',
      contentType: 'application/json',
      body: { MessageId: randomUUID() },
    };
  }

  return {
    operation: 'unknown',
    contentType: 'application/json',
    body: { __type: 'UnknownOperationException' },
  };
}
