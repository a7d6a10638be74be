import { describeLine, resolveLine } from '../call-flow/menu-view';
import { spokenMoney } from '../call-flow/speech';
import type { Menu } from '../menu/model';
import type { OrderLine, OrderTotals } from '../orders/model';
import { priceLines } from '../orders/pricing';
import type { BotPricing } from './hook-context';
import {
  MAX_BOT_CART_LINES,
  MAX_LINE_QUANTITY,
  type BotCartLine,
} from './session-attributes';

/**
 * The cart the bot keeps in the session, read with the same words and
 * prices as the keypad's review, so a caller hears an order the same way
 * whichever way they placed it.
 */

/**
 * The cart with a line added: a second "large pepperoni" raises the first
 * line's quantity while it stays within what one line holds. Undefined when
 * the line would be one more than an order may hold.
 */
export function addToCart(
  cart: readonly BotCartLine[],
  line: BotCartLine,
): BotCartLine[] | undefined {
  const index = cart.findIndex(
    (other) =>
      other.i === line.i &&
      other.s === line.s &&
      other.q + line.q <= MAX_LINE_QUANTITY,
  );
  const same = cart[index];
  if (same !== undefined) {
    return cart.map((other, at) =>
      at === index ? { ...same, q: same.q + line.q } : other,
    );
  }
  if (cart.length >= MAX_BOT_CART_LINES) return undefined;

  return [...cart, line];
}

/** "2 large Pepperoni", or undefined for a line no longer on the menu. */
export function describeCartLine(
  menu: Menu,
  line: BotCartLine,
): string | undefined {
  const resolved = resolveLine(menu, line);

  return resolved === undefined ? undefined : describeLine(resolved);
}

/** The cart priced from the live menu; lines no longer sold drop out. */
export interface PricedBotCart {
  cart: BotCartLine[];
  lines: OrderLine[];
  totals: OrderTotals;
}

export function priceBotCart(
  menu: Menu,
  cart: readonly BotCartLine[],
  pricing: BotPricing,
): PricedBotCart {
  const kept: BotCartLine[] = [];
  const lines: OrderLine[] = [];
  for (const line of cart) {
    const resolved = resolveLine(menu, line);
    if (resolved === undefined) continue;
    kept.push(line);
    lines.push(resolved);
  }

  return {
    cart: kept,
    lines,
    totals: priceLines(lines, pricing.taxRatePercent, pricing.currency),
  };
}

/**
 * "You have: 1 large Pepperoni, 18 dollars and 99 cents. Total with tax…",
 * one sentence a line as the keypad's review reads it: prices say "and"
 * already.
 */
export function readBack(priced: PricedBotCart): string {
  const { currency, totalCents } = priced.totals;
  const items = priced.lines.map(
    (line) =>
      `${describeLine(line)}, ${spokenMoney(line.unitPriceCents * line.quantity, currency)}`,
  );

  return (
    `You have: ${items.join('. ')}. ` +
    `Total with tax, ${spokenMoney(totalCents, currency)}.`
  );
}
