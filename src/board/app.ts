/**
 * The order board's entry point: find the API and a token (the link's
 * fragment, the tab's sessionStorage, or the sign-in form), then run the
 * board until the API refuses the token or staff sign out.
 */
import { byId, fieldById } from './dom';
import { Notices } from './notices';
import { OrderBoard, type SignOutReason } from './order-board';
import {
  adoptFragment,
  apiUrlFrom,
  forgetToken,
  keepSession,
  type Session,
  storedApiUrl,
  storedSession,
} from './session';
import { StaffApiClient } from './staff-api-client';

const SIGN_OUT_REASONS: Record<SignOutReason | 'signed-out', string> = {
  refused:
    'The order system did not accept the token (it may have expired). ' +
    'Paste a new one.',
  forbidden: 'This sign-in is not in the staff group. Use a staff token.',
  'signed-out': 'Signed out.',
};

const notices = new Notices();
let board: OrderBoard | undefined;

/** The page's own origin: the API's, when the API serves the board. */
const OWN_ORIGIN = window.location.origin;

function openBoard(session: Session): void {
  byId('sign-in').hidden = true;
  byId('board').hidden = false;
  byId('menu-open').hidden = false;
  byId('sign-out').hidden = false;
  board = new OrderBoard(
    new StaffApiClient(session.apiUrl, session.token),
    notices,
    signOut,
  );
  board.start();
}

function signOut(reason: SignOutReason | 'signed-out'): void {
  board?.stop();
  board = undefined;
  forgetToken(sessionStorage);
  notices.online();
  closeMenu();
  byId('board').hidden = true;
  byId('menu-open').hidden = true;
  byId('sign-out').hidden = true;
  showSignIn(SIGN_OUT_REASONS[reason]);
}

function showSignIn(reason: string): void {
  byId('sign-in-reason').textContent = reason;
  fieldById('sign-in-api').value = storedApiUrl(sessionStorage, OWN_ORIGIN);
  byId('sign-in').hidden = false;
}

function onSignIn(event: SubmitEvent): void {
  event.preventDefault();
  const apiUrl = apiUrlFrom(fieldById('sign-in-api').value);
  const token = fieldById('sign-in-token').value.trim();
  if (apiUrl === undefined || token === '') {
    byId('sign-in-reason').textContent =
      'Give the API address (http:// or https://) and a staff token.';

    return;
  }
  keepSession(sessionStorage, { apiUrl, token });
  fieldById('sign-in-token').value = '';
  openBoard({ apiUrl, token });
}

function openMenu(): void {
  byId('menu-panel').hidden = false;
  byId('menu-open').setAttribute('aria-expanded', 'true');
  void board?.loadMenu();
}

function closeMenu(): void {
  byId('menu-panel').hidden = true;
  byId('menu-open').setAttribute('aria-expanded', 'false');
}

function showClock(): void {
  byId('clock').textContent = new Date().toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
  });
}

function main(): void {
  byId('sign-in-form').addEventListener('submit', onSignIn);
  byId('menu-open').addEventListener('click', openMenu);
  byId('menu-close').addEventListener('click', closeMenu);
  byId('sign-out').addEventListener('click', () => {
    signOut('signed-out');
  });
  showClock();
  window.setInterval(showClock, 5_000);

  adoptFragment(sessionStorage);
  const session = storedSession(sessionStorage, OWN_ORIGIN);
  if (session === undefined) showSignIn('Sign in to see the orders.');
  else openBoard(session);
}

main();
