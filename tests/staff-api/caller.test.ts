import { parseGroups } from '../../src/staff-api/caller';
import { maskPhone } from '../../src/staff-api/order-views';

describe('parseGroups', () => {
  it.each([
    ['[staff managers]', ['staff', 'managers']],
    ['[staff]', ['staff']],
    ['[]', []],
    ['staff', ['staff']],
    ['["staff","managers"]', ['staff', 'managers']],
    [
      ['staff', 'managers'],
      ['staff', 'managers'],
    ],
    [['staff', 7], ['staff']],
    [undefined, []],
    [42, []],
  ])('reads %j as %j', (claim, groups) => {
    expect(parseGroups(claim)).toEqual(groups);
  });
});

describe('maskPhone', () => {
  it('keeps only the last four digits', () => {
    expect(maskPhone('+15550104321')).toBe('********4321');
  });

  it('masks nothing it cannot shorten', () => {
    expect(maskPhone('123')).toBe('123');
  });
});
