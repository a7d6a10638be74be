import { readHttpApiCors } from '../../src/local/http-api-cors';

describe('CORS of the local HTTP API, from serverless.yml', () => {
  it("lets serverless.yml's boardOrigin in by default", () => {
    expect(readHttpApiCors('dev')?.allowedOrigins).toEqual([
      'http://localhost:8080',
    ]);
  });

  it('takes a boardOrigin given as --param would give it', () => {
    const cors = readHttpApiCors('dev', undefined, {
      boardOrigin: 'http://localhost:9090',
    });

    expect(cors?.allowedOrigins).toEqual(['http://localhost:9090']);
  });
});
