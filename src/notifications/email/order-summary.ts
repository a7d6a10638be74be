/**
 * The itemized part both emails share: one row per order line (item,
 * quantity, unit price, amount) and the totals, as an HTML table and as
 * aligned plain text.
 */
import type { OrderSnapshot } from '../../events/order-events';
import { formatMoney } from '../formatting';
import { html, SafeHtml } from './safe-html';

/** One line of the order, ready to show. */
export interface SummaryRow {
  item: string;
  quantity: number;
  unitPrice: string;
  amount: string;
}

/** The rows of an order, with sizes named after their item. */
export function summaryRows(order: OrderSnapshot): SummaryRow[] {
  const money = (cents: number) => formatMoney(cents, order.currency);

  return order.lines.map((line) => ({
    item: line.sizeName ? `${line.name} (${line.sizeName})` : line.name,
    quantity: line.quantity,
    unitPrice: money(line.unitPriceCents),
    amount: money(line.unitPriceCents * line.quantity),
  }));
}

function totals(order: OrderSnapshot): [string, string][] {
  const money = (cents: number) => formatMoney(cents, order.currency);

  return [
    ['Subtotal', money(order.subtotalCents)],
    ['Tax', money(order.taxCents)],
    ['Total', money(order.totalCents)],
  ];
}

// Our own fixed attributes, never data. Inline: mail clients drop <style>.
const CELL = new SafeHtml(
  'style="padding:4px 8px;border-bottom:1px solid #ddd"',
);
const NUMBER = new SafeHtml('style="padding:4px 8px;text-align:right"');

/** The items and totals as an HTML table. */
export function summaryHtml(order: OrderSnapshot): SafeHtml {
  const rows = summaryRows(order).map(
    (row) =>
      html`<tr>
        <td ${CELL}>${row.item}</td>
        <td ${NUMBER}>${row.quantity}</td>
        <td ${NUMBER}>${row.unitPrice}</td>
        <td ${NUMBER}>${row.amount}</td>
      </tr>`,
  );
  const sums = totals(order).map(
    ([label, amount]) =>
      html`<tr>
        <td colspan="3" ${NUMBER}>${label}</td>
        <td ${NUMBER}>${amount}</td>
      </tr>`,
  );

  return html`<table style="border-collapse:collapse;width:100%">
    <thead>
      <tr>
        <th ${CELL} align="left">Item</th>
        <th ${NUMBER}>Qty</th>
        <th ${NUMBER}>Unit price</th>
        <th ${NUMBER}>Amount</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
    <tfoot>
      ${sums}
    </tfoot>
  </table>`;
}

/** The items and totals as plain text in columns. */
export function summaryText(order: OrderSnapshot): string {
  const rows = summaryRows(order);
  const width = Math.max(4, ...rows.map((row) => row.item.length));
  const lines = rows.map(
    (row) =>
      `${row.item.padEnd(width)}  ${String(row.quantity).padStart(3)} x ` +
      `${row.unitPrice.padStart(10)}  ${row.amount.padStart(10)}`,
  );
  const rule = '-'.repeat(width + 30);
  const sums = totals(order).map(
    ([label, amount]) =>
      `${label.padStart(width + 18)}  ${amount.padStart(10)}`,
  );

  return [...lines, rule, ...sums].join('\n');
}
