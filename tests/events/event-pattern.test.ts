import {
  checkPattern,
  matchesPattern,
  UnsupportedPattern,
} from '../../src/local/event-pattern';

const event = {
  source: 'phone-orders',
  'detail-type': 'OrderStatusChanged',
  detail: {
    data: { status: 'READY', fulfilment: 'PICKUP', tags: ['a', 'b'] },
    note: null,
  },
};

describe('matchesPattern', () => {
  it.each([
    ['an exact value in a list', { source: ['phone-orders'] }],
    [
      'one of several values',
      { 'detail-type': ['OrderPlaced', 'OrderStatusChanged'] },
    ],
    ['nested fields', { detail: { data: { status: ['READY'] } } }],
    ['a prefix', { 'detail-type': [{ prefix: 'Order' }] }],
    [
      'anything-but a value',
      { detail: { data: { status: [{ 'anything-but': 'CANCELLED' }] } } },
    ],
    [
      'anything-but a list',
      {
        detail: {
          data: { status: [{ 'anything-but': ['PLACED', 'CANCELLED'] }] },
        },
      },
    ],
    [
      'anything-but a prefix',
      { source: [{ 'anything-but': { prefix: 'aws.' } }] },
    ],
    ['exists: true', { detail: { data: { fulfilment: [{ exists: true }] } } }],
    ['exists: false', { detail: { data: { reason: [{ exists: false }] } } }],
    ['a value inside a list field', { detail: { data: { tags: ['b'] } } }],
    ['null', { detail: { note: [null] } }],
    [
      'every field at once',
      { source: ['phone-orders'], 'detail-type': [{ prefix: 'OrderStatus' }] },
    ],
  ])('matches %s', (_, pattern) => {
    expect(matchesPattern(pattern, event)).toBe(true);
  });

  it.each([
    ['another value', { source: ['somebody-else'] }],
    [
      'another detail-type',
      { 'detail-type': ['OrderPlaced', 'OrderCompleted'] },
    ],
    ['a value of another type', { detail: { data: { status: [1] } } }],
    ['a prefix of something else', { 'detail-type': [{ prefix: 'Menu' }] }],
    [
      'an excluded value',
      { detail: { data: { status: [{ 'anything-but': ['READY'] }] } } },
    ],
    [
      'an excluded prefix',
      { source: [{ 'anything-but': { prefix: 'phone' } }] },
    ],
    [
      'a missing field for anything-but',
      { detail: { reason: [{ 'anything-but': 'x' }] } },
    ],
    ['a missing field for an exact value', { detail: { reason: ['x'] } }],
    ['exists: false on a present field', { source: [{ exists: false }] }],
    [
      'exists: true on a missing field',
      { detail: { reason: [{ exists: true }] } },
    ],
    [
      'one failing field among matching ones',
      { source: ['phone-orders'], 'detail-type': ['OrderPlaced'] },
    ],
  ])('does not match %s', (_, pattern) => {
    expect(matchesPattern(pattern, event)).toBe(false);
  });
});

describe('checkPattern', () => {
  it('accepts the operators the local bus implements', () => {
    expect(() => {
      checkPattern({
        source: ['x', null, 1, true],
        detail: {
          a: [{ prefix: 'p' }, { exists: true }],
          b: [
            { 'anything-but': ['x', 'y'] },
            { 'anything-but': { prefix: 'z' } },
          ],
        },
      });
    }).not.toThrow();
  });

  it.each([
    ['numeric', { detail: { total: [{ numeric: ['>', 0] }] } }, 'detail.total'],
    ['suffix', { source: [{ suffix: '.png' }] }, 'source'],
    ['wildcard', { source: [{ wildcard: '*orders' }] }, 'source'],
    ['$or', { $or: [{ source: ['a'] }] }, '$or'],
  ])('refuses %s, naming where it is', (_, pattern, path) => {
    const act = () => {
      checkPattern(pattern);
    };

    expect(act).toThrow(UnsupportedPattern);
    expect(act).toThrow(path);
  });
});
