/**
 * SES for the embedded stack: aws-ses-v2-local, a real SES v2 API that
 * keeps what it receives and shows it on a mailbox page. Started in
 * process on a port of our choosing (0: any free one). Its mailbox is
 * module state of the package: one per process, shared by every server
 * started in it.
 */
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import startSesServer from 'aws-ses-v2-local';
import * as z from 'zod/mini';
import '../validation/english-messages';

/** An email as the local SES keeps it. */
export interface LocalEmail {
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
}

/** A running local SES. */
export interface LocalSes {
  port: number;
  /** For an SES client's `endpoint`. */
  endpoint: string;
  /** The mailbox page to open in a browser. */
  mailboxUrl: string;
  /** Every email received so far, oldest first (`GET /store`). */
  mailbox(): Promise<LocalEmail[]>;
  stop(): Promise<void>;
}

/** Thrown when the local SES cannot listen on its port. */
export class LocalSesPortInUse extends Error {
  constructor(readonly port: number) {
    super(`port ${port}, wanted for the local SES, is already in use`);
    this.name = 'LocalSesPortInUse';
  }
}

const HOST = '127.0.0.1';

const storeSchema = z.object({
  emails: z.array(
    z.object({
      messageId: z.string(),
      from: z.string(),
      destination: z.object({ to: z.array(z.string()) }),
      subject: z.string(),
      body: z.object({
        html: z.optional(z.string()),
        text: z.optional(z.string()),
      }),
    }),
  ),
});

/**
 * Starts aws-ses-v2-local on 127.0.0.1. Throws {@link LocalSesPortInUse}
 * first if the port is taken: the package would otherwise crash the
 * process with an unhandled listen error.
 */
export async function startLocalSes(port = 0): Promise<LocalSes> {
  if (port !== 0) await assertPortFree(port);
  const server = await startSesServer({ host: HOST, port });
  const bound = boundPort(server);
  const endpoint = `http://${HOST}:${bound}`;

  return {
    port: bound,
    endpoint,
    mailboxUrl: `${endpoint}/`,
    mailbox: () => readMailbox(endpoint),
    stop: () => closeServer(server),
  };
}

async function readMailbox(endpoint: string): Promise<LocalEmail[]> {
  const response = await fetch(`${endpoint}/store`);
  const { emails } = storeSchema.parse(await response.json());

  return emails.map((email) => ({
    messageId: email.messageId,
    from: email.from,
    to: email.destination.to,
    subject: email.subject,
    html: email.body.html,
    text: email.body.text,
  }));
}

function boundPort(server: Server): number {
  const address = server.address();

  return typeof address === 'object' && address !== null ? address.port : 0;
}

async function closeServer(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
    // Keep-alive sockets of SDK clients would hold close() open.
    server.closeAllConnections();
  });
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => {
      reject(new LocalSesPortInUse(port));
    });
    probe.listen(port, HOST, () => {
      probe.close(() => {
        resolve();
      });
    });
  });
}
