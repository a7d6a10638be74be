/**
 * HTML built so that no value from data can inject markup: the `html`
 * tag escapes every interpolated value unless it is itself {@link
 * SafeHtml} (a fragment built the same way). Names of dishes, customers
 * and addresses come from callers and staff; none is trusted.
 */

/** Markup that was escaped when it was built. */
export class SafeHtml {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `text` with the five characters HTML gives meaning to escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** A value in markup: fragments as they are, lists joined, the rest escaped. */
function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null) return '';

  return escapeHtml(typeof value === 'string' ? value : JSON.stringify(value));
}

/** Tag for HTML templates: html`<td>${name}</td>` escapes `name`. */
export function html(
  strings: TemplateStringsArray,
  ...values: unknown[]
): SafeHtml {
  let markup = strings[0] ?? '';
  values.forEach((value, index) => {
    markup += render(value) + (strings[index + 1] ?? '');
  });

  return new SafeHtml(markup);
}
