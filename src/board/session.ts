/**
 * Where the board finds the API and its token: the link `npm start`
 * prints carries both in the URL fragment, which browsers never send to a
 * server; they are then kept in sessionStorage (gone when the tab closes)
 * and the fragment is wiped from the address bar and history.
 */

/** The API the board talks to and the staff token it uses. */
export interface Session {
  apiUrl: string;
  token: string;
}

const API_KEY = 'order-board.api';
const TOKEN_KEY = 'order-board.token';

/**
 * An API address the board may call: http or https, with no query or
 * fragment, without its trailing slash; undefined if it is not one.
 */
export function apiUrlFrom(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.search !== '' || url.hash !== '') return undefined;

  return url.href.replace(/\/+$/, '');
}

/**
 * Takes `api` and `token` from the page's fragment into `storage`, and
 * removes the fragment so the token is not left in the address bar.
 */
export function adoptFragment(storage: Storage): void {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const apiUrl = apiUrlFrom(fragment.get('api') ?? '');
  const token = fragment.get('token')?.trim();
  if (apiUrl !== undefined) storage.setItem(API_KEY, apiUrl);
  if (token) storage.setItem(TOKEN_KEY, token);
  if (window.location.hash !== '') {
    const { pathname, search } = window.location;
    window.history.replaceState(null, '', pathname + search);
  }
}

/** The kept session, if there is a token. */
export function storedSession(
  storage: Storage,
  defaultApiUrl: string,
): Session | undefined {
  const token = storage.getItem(TOKEN_KEY);
  if (token === null || token === '') return undefined;

  return { apiUrl: storedApiUrl(storage, defaultApiUrl), token };
}

/** The kept API address, or the default (the page's own origin). */
export function storedApiUrl(storage: Storage, defaultApiUrl: string): string {
  return storage.getItem(API_KEY) ?? defaultApiUrl;
}

/** Keeps a session typed into the sign-in form. */
export function keepSession(storage: Storage, session: Session): void {
  storage.setItem(API_KEY, session.apiUrl);
  storage.setItem(TOKEN_KEY, session.token);
}

/** Forgets the token (signed out, or refused by the API). */
export function forgetToken(storage: Storage): void {
  storage.removeItem(TOKEN_KEY);
}
