import type { BotDefinition, ValueMeaning } from './definition';
import { numberOfWord } from './numbers';
import { fuzzyDistance, words } from './text-matching';

/**
 * The words the bot's slot types give a meaning to (the menu's items,
 * categories and sizes, by every name), and how an utterance is read with
 * them: "two large pepperoni and a coke" mentions a quantity, a size, an
 * item, a quantity and an item, which make two order lines. The local
 * recogniser fills slots with it and the code hook splits a one-breath
 * order with it, so both read a phrase the same way.
 */

export type TermKind = ValueMeaning;

/** A phrase the menu knows: a name, a synonym or an id. */
export interface Term {
  kind: TermKind;
  id: string;
  /** Normalised words, space separated. */
  phrase: string;
  wordCount: number;
}

interface Span {
  /** The words heard, normalised. */
  heard: string;
  /** Index of the first word, and of the word after the last. */
  start: number;
  end: number;
}

/** Something the caller said that the menu knows, or names what it lacks. */
export type Mention =
  | (Span & { kind: TermKind; id: string })
  | (Span & { kind: 'quantity'; value: number })
  | (Span & { kind: 'unknown'; categoryId?: string });

/** An utterance as words, and what the menu recognises in them. */
export interface Analysis {
  words: string[];
  mentions: Mention[];
}

/** One line as the caller asked for it, before it is checked. */
export interface RequestedLine {
  itemId?: string;
  categoryId?: string;
  /** Words that named something the menu does not have. */
  unknown?: string;
  sizeId?: string;
  quantity?: number;
}

// Words that carry no order on their own: never taken for an unknown item.
const FILLER = new Set(
  words(
    'and with plus also then some of the i id im ill like want would could ' +
      'can may get have please order place to me my just for give gimme ' +
      'need let lets us make that it is be will take add oh um uh er well ' +
      'okay ok yes yeah yep sure thanks more go we you your our do what in ' +
      'on too as so but or actually maybe hi hello hey this',
  ),
);

/** The menu's vocabulary: items, categories and sizes by every name. */
export class MenuVocabulary {
  private readonly byWordCount = new Map<number, Term[]>();
  private readonly longest: number;

  constructor(definition: BotDefinition) {
    for (const term of definitionTerms(definition)) {
      const list = this.byWordCount.get(term.wordCount) ?? [];
      list.push(term);
      this.byWordCount.set(term.wordCount, list);
    }
    this.longest = Math.max(1, ...this.byWordCount.keys());
  }

  /** The closest term of these kinds to a whole phrase, such as a slot. */
  lookup(phrase: string, kinds: readonly TermKind[]): Term | undefined {
    const heard = words(phrase);

    return closest(this.byWordCount.get(heard.length) ?? [], heard, kinds);
  }

  /** The menu's words in an utterance, left to right, longest first. */
  analyse(text: string): Analysis {
    const heard = words(text);
    const known: Mention[] = [];
    for (let start = 0; start < heard.length;) {
      const found = this.mentionAt(heard, start);
      if (found !== undefined) known.push(found);
      start = found?.end ?? start + 1;
    }

    return { words: heard, mentions: withUnknownItems(heard, known) };
  }

  /** The order lines an utterance asks for, in the order said. */
  requestedLines(text: string): RequestedLine[] {
    return groupLines(this.analyse(text).mentions).map(lineOf);
  }

  private mentionAt(heard: string[], start: number): Mention | undefined {
    const most = Math.min(this.longest, heard.length - start);
    for (let count = most; count >= 1; count -= 1) {
      const span = heard.slice(start, start + count);
      const terms = this.byWordCount.get(count) ?? [];
      const term = closest(terms, span, ['item', 'category', 'size']);
      const at = { heard: span.join(' '), start, end: start + count };
      if (term !== undefined) return { ...at, kind: term.kind, id: term.id };
    }
    const value = numberOfWord(heard[start] ?? '');
    if (value === undefined) return undefined;

    return {
      heard: heard[start] ?? '',
      start,
      end: start + 1,
      kind: 'quantity',
      value,
    };
  }
}

function closest(
  terms: readonly Term[],
  heard: readonly string[],
  kinds: readonly TermKind[],
): Term | undefined {
  const phrase = heard.join(' ');
  let best: { term: Term; distance: number } | undefined;
  for (const term of terms) {
    if (!kinds.includes(term.kind)) continue;
    const distance = fuzzyDistance(phrase, term.phrase);
    if (distance === undefined) continue;
    if (best === undefined || distance < best.distance) {
      best = { term, distance };
    }
  }

  return best?.term;
}

function definitionTerms(definition: BotDefinition): Term[] {
  const terms = new Map<string, Term>();
  const values = definition.slotTypes.flatMap((type) => type.values);
  for (const { meaning, value, synonyms } of values) {
    for (const text of [...synonyms, value]) {
      const heard = words(text);
      if (heard.length === 0) continue;
      const phrase = heard.join(' ');
      // The first meaning wins: the menu's schema keeps synonyms unique.
      if (terms.has(phrase)) continue;
      terms.set(phrase, {
        kind: meaning,
        id: value,
        phrase,
        wordCount: heard.length,
      });
    }
  }

  return [...terms.values()];
}

/**
 * Words the menu does not know become an unknown item where an item was
 * clearly meant: before a category ("a hawaiian pizza") or after a quantity
 * or size with no item following ("two large hawaiian").
 */
function withUnknownItems(heard: string[], known: Mention[]): Mention[] {
  const result = [...known];
  for (const run of unclaimedRuns(heard, known)) {
    const before = known.find((mention) => mention.end === run.start);
    const after = known.find((mention) => mention.start === run.end);
    if (after?.kind === 'category') {
      result.splice(result.indexOf(after), 1, {
        kind: 'unknown',
        categoryId: after.id,
        heard: `${run.heard} ${after.heard}`,
        start: run.start,
        end: after.end,
      });
    } else if (
      (before?.kind === 'quantity' || before?.kind === 'size') &&
      after?.kind !== 'item'
    ) {
      result.push({ kind: 'unknown', ...run });
    }
  }

  return result.sort((a, b) => a.start - b.start);
}

function unclaimedRuns(heard: string[], known: Mention[]): Span[] {
  const claimed = new Set(
    known.flatMap((m) =>
      Array.from({ length: m.end - m.start }, (_, i) => m.start + i),
    ),
  );
  const runs: Span[] = [];
  let run: string[] = [];
  for (let index = 0; index <= heard.length; index += 1) {
    const word = heard[index];
    const content =
      word !== undefined && !claimed.has(index) && !FILLER.has(word);
    if (content) {
      run.push(word);
      continue;
    }
    if (run.length > 0) {
      runs.push({
        heard: run.join(' '),
        start: index - run.length,
        end: index,
      });
    }
    run = [];
  }

  return runs;
}

/**
 * Groups mentions into lines: a quantity, or a new item, starts a new line;
 * a size goes with the item it comes before ("a coke, large pepperoni") or,
 * when no item follows, with the one it comes after ("pepperoni, large").
 */
export function groupLines(mentions: readonly Mention[]): Mention[][] {
  const groups: Mention[][] = [];
  let group: Mention[] = [];
  const has = (test: (m: Mention) => boolean) => group.some(test);
  const flush = () => {
    if (group.length > 0) groups.push(group);
    group = [];
  };
  mentions.forEach((mention, index) => {
    const named = has(namesItem);
    const sized = has((m) => m.kind === 'size');
    if (mention.kind === 'quantity') {
      if (named || sized) flush();
    } else if (mention.kind === 'size') {
      const next = mentions[index + 1];
      if (sized || (named && next !== undefined && namesItem(next))) flush();
    } else if (named) flush();
    group.push(mention);
  });
  flush();

  return groups;
}

/** A group of mentions as a line; a later quantity overrides ("a couple"). */
export function lineOf(group: readonly Mention[]): RequestedLine {
  const line: RequestedLine = {};
  for (const mention of group) {
    if (mention.kind === 'quantity') line.quantity = mention.value;
    if (mention.kind === 'size') line.sizeId = mention.id;
    if (mention.kind === 'item') line.itemId = mention.id;
    if (mention.kind === 'category') line.categoryId = mention.id;
    if (mention.kind === 'unknown') {
      line.unknown = mention.heard;
      if (mention.categoryId !== undefined)
        line.categoryId = mention.categoryId;
    }
  }

  return line;
}

/** Whether a mention names what is ordered, known or not. */
export function namesItem(mention: Mention): boolean {
  return (
    mention.kind === 'item' ||
    mention.kind === 'category' ||
    mention.kind === 'unknown'
  );
}
