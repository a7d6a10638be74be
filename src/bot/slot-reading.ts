import { SLOT } from './definition';
import type { HookContext } from './hook-context';
import type { LexSlot } from './lex-events';
import type { MenuVocabulary, RequestedLine } from './menu-vocabulary';
import { parseQuantity } from './numbers';
import { words } from './text-matching';

/**
 * What the caller asked for in one turn. Lex fills one value per slot, so
 * "two large pepperoni and a coke" arrives with the pepperoni in the slots
 * and the coke only in the transcript: the transcript is read for every
 * line, and what Lex resolved fills in what the words alone did not.
 */
export function heardLines(context: HookContext): RequestedLine[] {
  const { vocabulary, event } = context;
  const said = vocabulary.requestedLines(event.inputTranscript);
  const slots = slotLine(context);
  const named = said.filter(
    (line) =>
      line.itemId !== undefined ||
      line.categoryId !== undefined ||
      line.unknown !== undefined,
  );
  if (slots === undefined || named.length >= 2) return said;
  const [first, ...rest] = said;
  if (first === undefined) return [slots];
  const merged = { ...first, ...slots };
  if (slots.itemId !== undefined) delete merged.unknown;

  return [merged, ...rest];
}

/** The one line Lex's slots describe, or undefined when they are empty. */
function slotLine(context: HookContext): RequestedLine | undefined {
  const slots = context.event.sessionState.intent.slots ?? {};
  const line: RequestedLine = {};
  const item = slots[SLOT.item];
  if (item?.value !== undefined) {
    Object.assign(line, itemOf(item, context.vocabulary));
  }
  const size = candidates(slots[SLOT.size])
    .map((value) => context.vocabulary.lookup(value, ['size']))
    .find((term) => term !== undefined);
  if (size !== undefined) line.sizeId = size.id;
  const quantity = candidates(slots[SLOT.quantity])
    .map(parseQuantity)
    .find((value) => value !== undefined);
  if (quantity !== undefined) line.quantity = quantity;

  return Object.keys(line).length === 0 ? undefined : line;
}

/** A slot's values, most resolved first. */
function candidates(slot: LexSlot | null | undefined): string[] {
  const value = slot?.value;
  if (value === undefined) return [];

  return [
    ...(value.resolvedValues ?? []),
    value.interpretedValue,
    value.originalValue,
  ].filter((text): text is string => text !== undefined && text !== '');
}

/**
 * An item slot as an item or a category; failing both, the words said are
 * an item we do not sell, in the category they mention if any.
 */
function itemOf(slot: LexSlot, vocabulary: MenuVocabulary): RequestedLine {
  const values = candidates(slot);
  for (const value of values) {
    const term = vocabulary.lookup(value, ['item', 'category']);
    if (term?.kind === 'item') return { itemId: term.id };
    if (term?.kind === 'category') return { categoryId: term.id };
  }
  const said = slot.value?.originalValue ?? values[0] ?? '';
  const unknown = words(said).join(' ');
  if (unknown === '') return {};
  const categoryId = vocabulary
    .analyse(said)
    .mentions.map((mention) =>
      mention.kind === 'category'
        ? mention.id
        : mention.kind === 'unknown'
          ? mention.categoryId
          : undefined,
    )
    .find((id) => id !== undefined);

  return categoryId === undefined ? { unknown } : { unknown, categoryId };
}
