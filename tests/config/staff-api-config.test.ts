import { InvalidConfiguration } from '../../src/config/config';
import { loadStaffApiConfig } from '../../src/config/staff-api-config';

/** What the shared configuration needs, so that only the origin varies. */
const SHARED = {
  TABLE_NAME: 'orders-test',
  RESTAURANT_NAME: "Tony's Pizzeria",
  TIME_ZONE: 'America/New_York',
};

/** The problems a cold start with this origin would stop on. */
function problemsWith(origin: string | undefined): string[] {
  try {
    loadStaffApiConfig({ ...SHARED, BOARD_ORIGIN: origin });
  } catch (error) {
    if (error instanceof InvalidConfiguration) return error.problems;
    throw error;
  }
  throw new Error(`${origin} was taken`);
}

describe("the staff API's board origin", () => {
  it('takes an origin and keeps it as given', () => {
    const config = loadStaffApiConfig({
      ...SHARED,
      BOARD_ORIGIN: 'https://board.example.com',
    });

    expect(config.boardOrigin).toBe('https://board.example.com');
  });

  it.each([
    ['board.example.com', 'BOARD_ORIGIN must be an http(s) URL'],
    ['ftp://board.example.com', 'BOARD_ORIGIN must be an http(s) URL'],
    [undefined, 'BOARD_ORIGIN must be an http(s) URL'],
    [
      'https://board.example.com/orders',
      'BOARD_ORIGIN must be an origin alone, like https://board.example.com',
    ],
  ])('refuses %s with one problem naming the variable', (origin, problem) => {
    expect(problemsWith(origin)).toEqual([problem]);
  });
});
