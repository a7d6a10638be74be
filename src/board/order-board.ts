/**
 * The board at work: polls the staff API for each column, saves the moves
 * and menu switches staff make, and says what happened when the API
 * disagrees. The API is the only source of truth; the board redraws from
 * it after every change.
 */
import type { MenuItem } from '../menu/model';
import type { OrderSummary } from '../staff-api/response-schemas';
import { BoardView } from './board-view';
import { byId } from './dom';
import { COLUMNS, type OrderStatus, statusName } from './labels';
import { MenuPanel } from './menu-panel';
import type { Notices } from './notices';
import { type Poller, startPoller } from './poller';
import { ApiFailure, type StaffApiClient } from './staff-api-client';

/** New orders show up within this long. */
const POLL_INTERVAL_MS = 2_000;
/** The longest wait between tries while the API is out of reach. */
const MAX_RETRY_DELAY_MS = 5_000;
/** "3 min" is exact enough; no need to redraw every second. */
const CLOCK_TICK_MS = 10_000;

/** Why the board gave up its token. */
export type SignOutReason = 'refused' | 'forbidden';

/** A running board; `onSignOut` is told when the API refuses the token. */
export class OrderBoard {
  private readonly view: BoardView;
  private readonly menu: MenuPanel;
  private shown: OrderSummary[] = [];
  /** Counts moves: a listing begun before one is stale when it arrives. */
  private generation = 0;
  private poller: Poller | undefined;
  private clock: number | undefined;

  constructor(
    private readonly api: StaffApiClient,
    private readonly notices: Notices,
    private readonly onSignOut: (reason: SignOutReason) => void,
  ) {
    this.view = new BoardView(byId('board'), (order, to) => {
      void this.move(order, to);
    });
    this.menu = new MenuPanel(byId('menu-items'), (item, available) => {
      void this.setAvailability(item, available);
    });
  }

  /** Starts polling and the clock. */
  start(): void {
    this.poller = startPoller(() => this.refresh(), {
      intervalMs: POLL_INTERVAL_MS,
      maxDelayMs: MAX_RETRY_DELAY_MS,
    });
    this.clock = window.setInterval(() => {
      this.view.tick(new Date());
    }, CLOCK_TICK_MS);
  }

  /** Stops polling: the board was signed out. */
  stop(): void {
    this.poller?.stop();
    window.clearInterval(this.clock);
  }

  /** Loads the menu into the panel. */
  async loadMenu(): Promise<void> {
    try {
      this.menu.show(await this.api.getMenu());
    } catch (error) {
      this.report(error, 'The menu could not be loaded');
    }
  }

  /** One poll: every column, then one redraw. False asks for a retry. */
  private async refresh(): Promise<boolean> {
    const generation = this.generation;
    try {
      const columns = await Promise.all(
        COLUMNS.map((column) => this.api.listOrders(column.status)),
      );
      this.notices.online();
      // A move finished meanwhile: this picture predates it.
      if (generation !== this.generation) return true;
      this.shown = columns.flat();
      this.view.show(this.shown, new Date());

      return true;
    } catch (error) {
      return this.pollFailed(error);
    }
  }

  private pollFailed(error: unknown): boolean {
    if (isFailure(error, 'unauthorized')) this.onSignOut('refused');
    else if (isFailure(error, 'forbidden')) this.onSignOut('forbidden');
    else this.notices.offline(messageOf(error));

    return false;
  }

  private async move(order: OrderSummary, to: OrderStatus): Promise<void> {
    this.generation += 1;
    this.view.setBusy(order.orderId, true, new Date());
    try {
      const moved = await this.api.moveOrder(order.orderId, order.status, to);
      this.shown = this.shown.map((shown) =>
        shown.orderId === moved.orderId ? moved : shown,
      );
    } catch (error) {
      this.moveFailed(order, to, error);
    } finally {
      this.generation += 1;
      this.view.setBusy(order.orderId, false, new Date());
      this.view.show(this.shown, new Date());
      this.poller?.refreshNow();
    }
  }

  private moveFailed(
    order: OrderSummary,
    to: OrderStatus,
    error: unknown,
  ): void {
    const ticket = `Ticket #${order.ticketNumber}`;
    if (error instanceof ApiFailure && error.kind === 'conflict') {
      const now = error.currentStatus;
      this.notices.tell(
        now === undefined
          ? `${ticket} could not move: ${error.message}.`
          : `${ticket} is already ${statusName(now)}: someone else ` +
              `changed it. The board now shows it as it is.`,
      );

      return;
    }
    this.report(error, `${ticket} was not moved to ${statusName(to)}`);
  }

  private async setAvailability(
    item: MenuItem,
    available: boolean,
  ): Promise<void> {
    this.menu.setBusy(item.itemId, true);
    try {
      this.menu.update(await this.api.setAvailability(item.itemId, available));
    } catch (error) {
      this.menu.update(item);
      const change = available ? 'available' : 'sold out';
      this.report(error, `${item.name} was not marked ${change}`);
    }
  }

  /** Tells staff why something they did failed, or signs out. */
  private report(error: unknown, what: string): void {
    if (isFailure(error, 'unauthorized')) {
      this.onSignOut('refused');

      return;
    }
    if (isFailure(error, 'network')) this.notices.offline(messageOf(error));
    this.notices.tell(`${what}: ${messageOf(error)}. Please try again.`);
  }
}

function isFailure(error: unknown, kind: ApiFailure['kind']): boolean {
  return error instanceof ApiFailure && error.kind === kind;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
