/**
 * Answers CloudFormation with an HTTPS PUT of the response body to the
 * pre-signed ResponseURL. The body goes as bytes with no Content-Type:
 * the URL's signature does not cover one, so none may be sent.
 */
import type { CustomResourceResponse, ResponseSender } from './custom-resource';

/** CloudFormation's ResponseURL refused the answer. */
export class ResponseNotDelivered extends Error {
  constructor(
    readonly status: number,
    readonly attempts: number,
  ) {
    super(`CloudFormation response refused with HTTP ${status}`);
    this.name = 'ResponseNotDelivered';
  }
}

/** How often, and how far apart, an answer is tried. */
export interface DeliveryOptions {
  attempts?: number;
  retryDelayMs?: number;
}

const wait = (milliseconds: number) =>
  new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * A {@link ResponseSender} over `fetch`. A network error or a 5xx is tried
 * again: a lost answer leaves the stack waiting until its timeout.
 */
export function httpsResponseSender(
  options: DeliveryOptions = {},
): ResponseSender {
  const attempts = options.attempts ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 1000;

  return async (responseUrl: string, response: CustomResourceResponse) => {
    const body = Buffer.from(JSON.stringify(response));
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      try {
        const answer = await fetch(responseUrl, { method: 'PUT', body });
        if (answer.ok) return;
        lastError = new ResponseNotDelivered(answer.status, attempt);
        if (answer.status < 500) break;
      } catch (error) {
        lastError = error;
      }
      if (attempt < attempts) await wait(retryDelayMs * attempt);
    }

    throw lastError;
  };
}
