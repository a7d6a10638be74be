import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { CustomResourceResponse } from '../../src/provisioning/custom-resource';
import {
  httpsResponseSender,
  ResponseNotDelivered,
} from '../../src/provisioning/https-response-sender';
import {
  ContinuationNotStarted,
  lambdaContinuation,
} from '../../src/provisioning/lambda-continuation';
import type { ContinuedRequest } from '../../src/provisioning/ports';
import { cloudFormationRequest } from '../support/provision-phone-fixture';

const RESPONSE: CustomResourceResponse = {
  Status: 'SUCCESS',
  PhysicalResourceId: 'number=+12065550123;rule=r-1;source=ordered',
  StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/s/1',
  RequestId: 'create-request-1',
  LogicalResourceId: 'PhoneNumber',
  Data: { PhoneNumber: '+12065550123', SipRuleId: 'r-1' },
};

interface Received {
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A stand-in for the pre-signed S3 URL, answering `statuses` in turn. */
async function responseUrl(statuses: number[]) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { method, url, headers } = request;
      received.push({ method, url, headers, body });
      response.statusCode = statuses.shift() ?? 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/answer?X-Amz-Signature=abc`,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('httpsResponseSender', () => {
  it('PUTs the response as JSON with no Content-Type', async () => {
    const cloudFormation = await responseUrl([200]);

    await httpsResponseSender()(cloudFormation.url, RESPONSE);
    await cloudFormation.close();

    expect(cloudFormation.received).toHaveLength(1);
    const [put] = cloudFormation.received;
    expect(put?.method).toBe('PUT');
    expect(put?.url).toBe('/answer?X-Amz-Signature=abc');
    expect(put?.headers['content-type']).toBeUndefined();
    expect(JSON.parse(put?.body ?? '')).toEqual(RESPONSE);
  });

  it('tries again after a server error', async () => {
    const cloudFormation = await responseUrl([503, 200]);

    await httpsResponseSender({ retryDelayMs: 1 })(
      cloudFormation.url,
      RESPONSE,
    );
    await cloudFormation.close();

    expect(cloudFormation.received).toHaveLength(2);
  });

  it('gives up at once when the URL refuses the answer', async () => {
    const cloudFormation = await responseUrl([403, 200]);

    const sending = httpsResponseSender({ retryDelayMs: 1 })(
      cloudFormation.url,
      RESPONSE,
    );

    await expect(sending).rejects.toThrow(ResponseNotDelivered);
    await cloudFormation.close();
    expect(cloudFormation.received).toHaveLength(1);
  });
});

describe('lambdaContinuation', () => {
  const request = {
    ...cloudFormationRequest('Create'),
    AwaitingOrder: {
      orderId: 'order-7',
      phoneNumber: '+12065550123',
      since: '2026-12-03T17:00:00.000Z',
    },
  } as ContinuedRequest;

  function lambdaAnswering(statusCode: number) {
    const client = new LambdaClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const send = jest
      .fn<Promise<{ StatusCode: number }>, [InvokeCommand]>()
      .mockResolvedValue({ StatusCode: statusCode });
    const fake: unknown = send;
    client.send = fake as LambdaClient['send'];

    return { client, send };
  }

  it('invokes the function again, asynchronously, with the request', async () => {
    const { client, send } = lambdaAnswering(202);

    await lambdaContinuation(client, 'phone-orders-ci-provisionPhone')(request);

    expect(send).toHaveBeenCalledTimes(1);
    const command = send.mock.calls[0]?.[0];
    expect(command).toBeInstanceOf(InvokeCommand);
    expect(command!.input).toEqual({
      FunctionName: 'phone-orders-ci-provisionPhone',
      InvocationType: 'Event',
      Payload: Buffer.from(JSON.stringify(request)),
    });
  });

  it('fails when Lambda does not accept the invocation', async () => {
    const { client } = lambdaAnswering(500);

    await expect(
      lambdaContinuation(client, 'phone-orders-ci-provisionPhone')(request),
    ).rejects.toThrow(ContinuationNotStarted);
  });
});
