/**
 * The staff API's settings: the shared configuration plus the live board's
 * origin, which only the staffApi function is given (serverless.yml).
 */
import * as z from 'zod/mini';
import '../validation/english-messages';
import { type Config, InvalidConfiguration, loadConfig } from './config';

/** The staff API's configuration. */
export interface StaffApiConfig extends Config {
  /** e.g. `https://board.example.com`: scheme, host and port, no path. */
  boardOrigin: string;
}

const boardOriginSchema = z
  // Aborts: the origin check below can only read a URL.
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL', abort: true })
  .check(
    z.refine((text) => new URL(text).origin === text, {
      error: 'must be an origin alone, like https://board.example.com',
    }),
  );

/** Reads and checks the configuration; throws InvalidConfiguration. */
export function loadStaffApiConfig(
  environment: Record<string, string | undefined> = process.env,
): StaffApiConfig {
  const config = loadConfig(environment);
  const origin = boardOriginSchema.safeParse(environment.BOARD_ORIGIN);
  if (!origin.success) {
    throw new InvalidConfiguration(
      origin.error.issues.map((issue) => `BOARD_ORIGIN ${issue.message}`),
    );
  }

  return { ...config, boardOrigin: origin.data };
}
