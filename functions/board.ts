import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import { answerBoardRequest } from '../src/board-hosting/board-answer';
import { loadBoardFiles } from '../src/board-hosting/packaged-board';

/**
 * The live order board, public on the HTTP API beside the staff API it
 * calls: the page, its stylesheets and its compiled script, embedded in
 * this function's bundle at package time. The page holds no data; the
 * orders it shows come from the staff API, which takes a staff token.
 */
export async function handler(
  event: APIGatewayProxyEventV2,
): Promise<APIGatewayProxyStructuredResultV2> {
  return answerBoardRequest(
    { rawPath: event.rawPath, file: event.pathParameters?.file },
    loadBoardFiles,
  );
}
