import { fromLambdaResult } from '../../src/local/http-api-answers';
import { httpApiEvent } from '../../src/local/http-api-event';
import { readHttpApiRoutes } from '../../src/local/http-api-routes';

describe('the payload 2.0 event of a request', () => {
  const event = httpApiEvent({
    method: 'get',
    rawPath: '/customers/%2B15550100',
    rawQueryString: 'status=PLACED&tag=a&tag=b&note=two%20words',
    headers: { 'Content-Type': 'application/json', Origin: 'https://x' },
    routeKey: 'GET /customers/{phone}',
    pathParameters: { phone: '%2B15550100' },
    claims: {
      sub: 'abc',
      'cognito:groups': ['staff', 'managers'],
      exp: 1900000000,
    },
  });

  it('flattens the claims as the JWT authorizer passes them on', () => {
    expect(event.requestContext.authorizer.jwt.claims).toEqual({
      sub: 'abc',
      'cognito:groups': '[staff managers]',
      exp: '1900000000',
    });
  });

  it('joins a repeated query parameter with commas and decodes values', () => {
    expect(event.queryStringParameters).toEqual({
      status: 'PLACED',
      tag: 'a,b',
      note: 'two words',
    });
  });

  it('lower-cases header names and keeps the raw path', () => {
    expect(event.headers).toEqual({
      'content-type': 'application/json',
      origin: 'https://x',
    });
    expect(event.rawPath).toBe('/customers/%2B15550100');
    expect(event.pathParameters).toEqual({ phone: '+15550100' });
    expect(event.requestContext.http.method).toBe('GET');
    expect(event.isBase64Encoded).toBe(false);
  });

  it('has no query parameters, path parameters or body when none came', () => {
    const bare = httpApiEvent({
      method: 'GET',
      rawPath: '/menu',
      rawQueryString: '',
      headers: {},
      routeKey: 'GET /menu',
    });

    expect(bare).not.toHaveProperty('queryStringParameters');
    expect(bare).not.toHaveProperty('pathParameters');
    expect(bare).not.toHaveProperty('body');
    expect(bare.requestContext).not.toHaveProperty('authorizer');
  });
});

describe("a function's result as API Gateway reads it", () => {
  it('takes a structured result as the answer, without its CORS headers', () => {
    expect(
      fromLambdaResult({
        statusCode: 201,
        headers: {
          'Content-Type': 'text/plain',
          'Access-Control-Allow-Origin': '*',
        },
        body: 'made',
      }),
    ).toEqual({
      status: 201,
      headers: { 'content-type': 'text/plain' },
      body: 'made',
    });
  });

  it('sends anything else as a 200 with a JSON body', () => {
    expect(fromLambdaResult({ ok: true })).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"ok":true}',
    });
  });

  it('decodes a base64 body', () => {
    const answer = fromLambdaResult({
      statusCode: 200,
      body: Buffer.from('hi').toString('base64'),
      isBase64Encoded: true,
    });

    expect(answer.body.toString()).toBe('hi');
  });
});

describe('the routes of serverless.yml', () => {
  it('reads method, path, function and authorizer of each httpApi event', () => {
    expect(readHttpApiRoutes()).toContainEqual({
      functionKey: 'staffApi',
      handler: 'functions/staff-api.handler',
      method: 'PATCH',
      path: '/customers/{phone}',
      authorizer: 'staffJwt',
    });
  });
});
