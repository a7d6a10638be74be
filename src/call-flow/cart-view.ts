import type { Menu } from '../menu/model';
import type { OrderLine, OrderTotals } from '../orders/model';
import { priceLines } from '../orders/pricing';
import { resolveLine } from './menu-view';
import { spokenList } from './speech';
import type { CartLine } from './state';
import type { CallFlowSettings } from './types';

/** The cart priced from today's menu. */
export interface PricedCart {
  lines: OrderLine[];
  totals: OrderTotals;
}

export function priceCart(
  menu: Menu,
  cart: readonly CartLine[],
  settings: CallFlowSettings,
): PricedCart {
  const lines = cart.flatMap((line) => {
    const resolved = resolveLine(menu, line);
    return resolved === undefined ? [] : [resolved];
  });

  return {
    lines,
    totals: priceLines(lines, settings.taxRatePercent, settings.currency),
  };
}

/** What a caller hears when items of their cart sold out meanwhile. */
export function soldOutNotice(names: readonly string[]): string {
  const verb = names.length === 1 ? 'is' : 'are';

  return `Sorry, ${spokenList(names)} ${verb} sold out now and off your order.`;
}
