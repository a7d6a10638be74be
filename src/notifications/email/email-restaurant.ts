/** The restaurant as emails present it, and the parts both emails share. */
import { html, type SafeHtml } from './safe-html';

/** The restaurant an email comes from. */
export interface EmailRestaurant {
  name: string;
  address?: string;
  timeZone: string;
}

/** A rendered email: its subject and both bodies. */
export interface EmailContent {
  subject: string;
  html: string;
  text: string;
}

/** The restaurant's name and address, as an email's signature. */
export function signatureHtml(restaurant: EmailRestaurant): SafeHtml {
  return html`<p style="color:#555">
    ${restaurant.name}${
      restaurant.address === undefined ? '' : html`<br />${restaurant.address}`
    }
  </p>`;
}

/** The same signature in plain text. */
export function signatureText(restaurant: EmailRestaurant): string {
  return [restaurant.name, restaurant.address].filter(Boolean).join('\n');
}

/** A whole HTML document around `body`. */
export function htmlDocument(title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${title}</title>
      </head>
      <body style="font-family:Arial,Helvetica,sans-serif;max-width:600px">
        ${body}
      </body>
    </html>`.markup;
}
