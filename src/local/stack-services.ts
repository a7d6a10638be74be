/**
 * What `npm start` serves on top of the table and the functions: the order
 * board, the staff API in front of the same loaded functions, and the
 * notification pipeline on the table's stream. Started one after another
 * and stopped in the reverse order, so nothing is left calling a service
 * that is already gone.
 */
import { type BoardServer, startBoardServer } from './board-server';
import {
  type HttpApi,
  type HttpApiRequestLog,
  startHttpApi,
} from './http-api-server';
import type { LocalFunctions } from './local-functions';
import type { NotificationPipeline } from './notification-pipeline';

/** What the services run against, and on which ports. */
export interface StackServicesOptions {
  stage: string;
  /** The functions the Invoke API serves: handlers are loaded once. */
  functions: LocalFunctions;
  tableName: string;
  dynamodbEndpoint: string;
  /** The functions' environment, for the notification consumers. */
  environment: Record<string, string>;
  httpPort: number;
  sesPort: number;
  boardPort: number;
  /** The SMS outbox file; dead letters go beside it. */
  outboxPath: string;
  onRequest?: (request: HttpApiRequestLog) => void;
}

/** The running services. */
export interface StackServices {
  board: BoardServer;
  httpApi: HttpApi;
  notifications: NotificationPipeline;
  /** Stops them, the last started first. */
  stop(): Promise<void>;
}

/**
 * Starts the board, the staff API and the notification pipeline. If one
 * fails to start, those already started are stopped before it rejects.
 */
export async function startStackServices(
  options: StackServicesOptions,
): Promise<StackServices> {
  const stops = new StopList();
  try {
    // The board first: the staff API lets only the board's origin read
    // its answers (CORS), and with port 0 that origin is known only now.
    const board = await startBoardServer({ port: options.boardPort });
    stops.add(() => board.close());
    const httpApi = await startHttpApi({
      port: options.httpPort,
      stage: options.stage,
      functions: options.functions,
      params: { boardOrigin: board.origin },
      onRequest: options.onRequest,
    });
    stops.add(() => httpApi.close());
    const notifications = await startNotifications(options);
    stops.add(() => notifications.stop());

    return { board, httpApi, notifications, stop: () => stops.run() };
  } catch (error) {
    await stops.run();
    throw error;
  }
}

async function startNotifications(
  options: StackServicesOptions,
): Promise<NotificationPipeline> {
  // Imported only now: its modules create the functions' logger, which
  // reads its level from the environment the stack has just put in place.
  const { startNotificationPipeline } = await import('./notification-pipeline');

  return startNotificationPipeline({
    tableName: options.tableName,
    dynamodbEndpoint: options.dynamodbEndpoint,
    sesPort: options.sesPort,
    outboxPath: options.outboxPath,
    environment: options.environment,
    stage: options.stage,
    // The start-up banner says where texts and emails go.
    print: () => undefined,
  });
}

/**
 * Stops in the reverse order of starting. Every stop is attempted even
 * when one fails; the first failure is rethrown once all have run.
 */
class StopList {
  private readonly stops: (() => Promise<void>)[] = [];

  add(stop: () => Promise<void>): void {
    this.stops.push(stop);
  }

  async run(): Promise<void> {
    let failure: Error | undefined;
    for (const stop of this.stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        failure ??= error instanceof Error ? error : new Error(String(error));
      }
    }
    if (failure !== undefined) throw failure;
  }
}
