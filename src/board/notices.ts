/**
 * What the board says out loud: a banner while the API is out of reach,
 * and a message when a move or a switch did not go through. Nothing fails
 * silently; a message stays long enough to be read from the stove.
 */
import { byId } from './dom';

/** A message this old goes away by itself. */
const MESSAGE_SHOWN_MS = 20_000;

/** The banner and the message area of the page. */
export class Notices {
  private readonly connection = byId('connection');
  private readonly connectionText = byId('connection-text');
  private readonly message = byId('message');
  private readonly messageText = byId('message-text');
  private messageTimer: number | undefined;

  constructor() {
    byId('message-close').addEventListener('click', () => {
      this.clearMessage();
    });
  }

  /** Shows the "reconnecting" banner with what went wrong. */
  offline(reason: string): void {
    this.connectionText.textContent = `Reconnecting… (${reason})`;
    this.connection.hidden = false;
  }

  /** Hides the banner: the API answered. */
  online(): void {
    this.connection.hidden = true;
  }

  /** Shows a message until it is dismissed or has been up a while. */
  tell(text: string): void {
    this.messageText.textContent = text;
    this.message.hidden = false;
    window.clearTimeout(this.messageTimer);
    this.messageTimer = window.setTimeout(() => {
      this.clearMessage();
    }, MESSAGE_SHOWN_MS);
  }

  /** Hides the message (staff pressed OK, or it timed out). */
  clearMessage(): void {
    window.clearTimeout(this.messageTimer);
    this.message.hidden = true;
  }
}
