import type { OrderLine, OrderTotals } from './model';

/**
 * Totals for a set of lines. Tax is rounded half up to the cent on the
 * subtotal, once, as a till does, not line by line.
 */
export function priceLines(
  lines: readonly Pick<OrderLine, 'unitPriceCents' | 'quantity'>[],
  taxRatePercent: number,
  currency: string,
): OrderTotals {
  const subtotalCents = lines.reduce(
    (sum, line) => sum + line.unitPriceCents * line.quantity,
    0,
  );
  // Work in hundredths of a percent so 8.875 % does not pick up float noise.
  const rateBasisPoints = Math.round(taxRatePercent * 1000);
  const taxCents = Math.floor(
    (subtotalCents * rateBasisPoints + 50_000) / 100_000,
  );

  return {
    subtotalCents,
    taxCents,
    totalCents: subtotalCents + taxCents,
    currency,
  };
}
