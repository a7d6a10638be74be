import {
  gsm7Length,
  isGsm7,
  smsSegments,
  toGsm7,
  truncateGsm7,
} from '../../src/notifications/gsm7';

describe('GSM-7 arithmetic', () => {
  it('knows the basic set, accents included, and the extension table', () => {
    expect(isGsm7("Tony's Pizzeria @ £5 é ü Ñ ¿")).toBe(true);
    expect(isGsm7('Café [menu] {x} ~ | € ^ \\')).toBe(true);
  });

  it.each([
    ['a curly apostrophe', 'Tony’s'],
    ['a lowercase c cedilla', 'Façade'],
    ['an emoji', 'Pizza 🍕'],
    ['Chinese script', '小馆'],
  ])('rejects %s', (_, text) => {
    expect(isGsm7(text)).toBe(false);
  });

  it('counts extension characters twice', () => {
    expect(gsm7Length('ab')).toBe(2);
    expect(gsm7Length('€{')).toBe(4);
  });

  it('folds typography and missing accents into GSM-7', () => {
    expect(toGsm7('Tony’s “Best” – Façade… Crème')).toBe(
      'Tony\'s "Best" - Facade... Crème',
    );
    expect(toGsm7('CHF\u00A012.50')).toBe('CHF 12.50');
  });

  it('keeps what has no GSM-7 form', () => {
    expect(toGsm7('小馆 Pizza')).toBe('小馆 Pizza');
  });

  it('counts segments as carriers bill them', () => {
    expect(smsSegments('x'.repeat(160))).toBe(1);
    expect(smsSegments('x'.repeat(161))).toBe(2);
    expect(smsSegments('€'.repeat(80))).toBe(1);
    expect(smsSegments('小'.repeat(70))).toBe(1);
    expect(smsSegments('小'.repeat(71))).toBe(2);
  });

  it('truncates without splitting an extension character', () => {
    expect(truncateGsm7('ab€', 3)).toBe('ab');
    expect(truncateGsm7('ab€', 4)).toBe('ab€');
  });
});
