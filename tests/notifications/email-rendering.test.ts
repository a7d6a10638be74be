import { confirmationEmail } from '../../src/notifications/email/confirmation-email';
import { invoiceEmail } from '../../src/notifications/email/invoice-email';
import { escapeHtml, html } from '../../src/notifications/email/safe-html';
import { orderIn, sampleOrder } from '../support/order-event-fixtures';

const RESTAURANT = {
  name: "Tony's Pizzeria",
  address: '12 Main Street, Springfield',
  timeZone: 'America/New_York',
};

/** An order whose every text from data tries to inject markup. */
const HOSTILE = sampleOrder({
  customerName: '<script>alert(1)</script>',
  fulfilment: 'DELIVERY',
  deliveryAddress: '1 "Quoted" & <b>Bold</b> Ave',
  lines: [
    {
      itemId: 'x',
      name: 'Mac & <i>Cheese</i>',
      sizeName: "Kid's",
      unitPriceCents: 700,
      quantity: 3,
    },
  ],
});

describe('safe-html', () => {
  it('escapes the five characters HTML gives meaning to', () => {
    expect(escapeHtml(`<a href="x">Tom's & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt;',
    );
  });

  it('escapes values but not nested fragments', () => {
    const inner = html`<b>${'<i>'}</b>`;

    expect(html`<p>${inner}${'&'}</p>`.markup).toBe(
      '<p><b>&lt;i&gt;</b>&amp;</p>',
    );
  });
});

describe('the confirmation email', () => {
  const email = confirmationEmail(sampleOrder(), RESTAURANT);

  it('names the ticket and the restaurant in the subject', () => {
    expect(email.subject).toBe("Your order #12 at Tony's Pizzeria");
  });

  it('lists every item with quantity, unit price and amount, in both bodies', () => {
    for (const body of [email.html, email.text]) {
      expect(body).toContain('Margherita (Large)');
      expect(body).toContain('Cola');
      expect(body).toContain('$14.50');
      expect(body).toContain('$29.00');
      expect(body).toContain('$2.50');
    }
  });

  it('gives subtotal, tax, total and the local ready time', () => {
    for (const body of [email.html, email.text]) {
      expect(body).toContain('$31.50');
      expect(body).toContain('$2.80');
      expect(body).toContain('$34.30');
      expect(body).toContain('Pickup, ready about 6:25 PM.');
      expect(body).toContain('Order #12, placed Tue, Dec 1, 2026, 6:00');
    }
  });

  it('reads as columns in plain text', () => {
    expect(email.text).toContain(
      [
        'Margherita (Large)    2 x     $14.50      $29.00',
        'Cola                  1 x      $2.50       $2.50',
        '------------------------------------------------',
        '                            Subtotal      $31.50',
        '                                 Tax       $2.80',
        '                               Total      $34.30',
      ].join('\n'),
    );
  });

  it('escapes every value from data in the HTML', () => {
    // Act
    const hostile = confirmationEmail(HOSTILE, {
      ...RESTAURANT,
      name: 'Tony <Pizza> & Co',
    });

    // Assess
    expect(hostile.html).not.toMatch(/<script|<i>|<b>Bold/);
    expect(hostile.html).toContain('Hi &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(hostile.html).toContain(
      'Mac &amp; &lt;i&gt;Cheese&lt;/i&gt; (Kid&#39;s)',
    );
    expect(hostile.html).toContain('1 &quot;Quoted&quot; &amp; &lt;b&gt;Bold');
    expect(hostile.html).toContain('Tony &lt;Pizza&gt; &amp; Co');
    expect(hostile.text).toContain("Mac & <i>Cheese</i> (Kid's)");
  });
});

describe('the invoice email', () => {
  const order = orderIn('COMPLETED', {
    updatedAt: '2026-12-01T23:40:00.000Z',
  });
  const email = invoiceEmail(order, RESTAURANT);

  it('names the ticket and the restaurant in the subject', () => {
    expect(email.subject).toBe("Invoice for order #12 at Tony's Pizzeria");
  });

  it('itemizes the order with subtotal, tax and total in both bodies', () => {
    for (const body of [email.html, email.text]) {
      expect(body).toContain('Margherita (Large)');
      expect(body).toContain('Cola');
      expect(body).toMatch(/Subtotal[\s\S]*\$31\.50/);
      expect(body).toMatch(/Tax[\s\S]*\$2\.80/);
      expect(body).toMatch(/Total[\s\S]*\$34\.30/);
    }
  });

  it("carries the restaurant's name and address and the completion time", () => {
    expect(email.text).toContain(
      "Tony's Pizzeria\n12 Main Street, Springfield\n\nInvoice - order #12",
    );
    expect(email.html).toContain('Tony&#39;s Pizzeria<br />12 Main Street');
    expect(email.text).toContain('Completed Tue, Dec 1, 2026, 6:40');
    expect(email.text).toContain('Billed to Sam');
  });

  it('lists quantities and unit prices in the HTML table', () => {
    expect(email.html).toMatch(
      /<td[^>]*>Margherita \(Large\)<\/td>\s*<td[^>]*>2<\/td>\s*<td[^>]*>\$14\.50<\/td>\s*<td[^>]*>\$29\.00<\/td>/,
    );
  });

  it('escapes every value from data in the HTML', () => {
    // Act
    const hostile = invoiceEmail(HOSTILE, {
      ...RESTAURANT,
      address: '<img src=x onerror=alert(1)>',
    });

    // Assess
    expect(hostile.html).not.toMatch(/<script|<img|<i>/);
    expect(hostile.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(hostile.html).toContain('Billed to &lt;script&gt;');
  });
});
