/**
 * Building elements without markup: text from the API only ever becomes a
 * text node, so an item or customer name cannot inject anything.
 */

/** What an element may hold: elements, text, or nothing (skipped). */
export type Child = Node | string | undefined | false;

/** Class, attributes and text of a new element. */
export interface ElementOptions {
  className?: string;
  attributes?: Record<string, string>;
}

/** A new element with `options` and `children`; strings become text. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (options.className !== undefined) created.className = options.className;
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    created.setAttribute(name, value);
  }
  created.append(...present(children));

  return created;
}

/** The children that are there, for `append` and `replaceChildren`. */
export function present(children: Child[]): (Node | string)[] {
  return children.filter(isPresent);
}

/** A button that does `onPress` once per press (never on double-click). */
export function button(
  label: string,
  className: string,
  onPress: () => void,
): HTMLButtonElement {
  const created = element('button', {
    className,
    attributes: { type: 'button' },
  });
  created.textContent = label;
  created.addEventListener('click', onPress);

  return created;
}

/** The element with this id, which the page is known to have. */
export function byId(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`the page has no #${id}`);

  return found;
}

/** The text field with this id. */
export function fieldById(id: string): HTMLInputElement | HTMLTextAreaElement {
  const found = byId(id);
  if (!(
    found instanceof HTMLInputElement || found instanceof HTMLTextAreaElement
  )) {
    throw new Error(`#${id} is not a text field`);
  }

  return found;
}

function isPresent(child: Child): child is Node | string {
  return child !== undefined && child !== false;
}
