import { ConfigError, type Config } from '../../config';
import { chainFromEnv, type TonParts } from './chain-from-env';

/** Said when no bot is configured on a host where dev mode is not allowed. */
export const BOT_REQUIRED = 'BOT_TOKEN or BOT_ID: required on this platform (dev mode runs only on the local Node server)';

/** Said when Neon's driver is chosen on a runtime that cannot open its WebSocket (Node 20). */
export const NEON_NEEDS_WEBSOCKET =
  'DATABASE_DRIVER=neon: needs a runtime with a built-in WebSocket (Node 22 or later, Workers) and this one has none; pick Node 22 in the host’s settings, or use the postgres driver (remove DATABASE_DRIVER)';

/**
 * What a serverless host needs beyond what loadConfig checks, all checked at once so that the operator
 * sees every problem in one log line rather than one per deploy: a bot (no dev mode), a database server
 * (no embedded database) and a driver the runtime can run, and a chain reader it can reach (no
 * in-process dev chain).
 * @returns how the chain is read
 * @throws ConfigError listing every problem
 */
export function checkServerlessSettings(
  config: Config,
  options: {
    where: string;
    databaseProvided: boolean;
    ton?: (config: Config) => TonParts;
    /** Whether the runtime has a global WebSocket; asked of the runtime unless a test says. */
    webSocketAvailable?: boolean;
  },
): TonParts {
  const problems: string[] = [];
  if (config.auth.mode === 'dev') problems.push(BOT_REQUIRED);
  if (!options.databaseProvided && config.database.driver !== 'postgres') {
    problems.push(`DATABASE_URL: required on ${options.where}; the embedded database is for local use only`);
  }
  // Otherwise openNeon would throw a plain Error at every request: a 500 that names nothing to fix.
  const webSocketAvailable = options.webSocketAvailable ?? typeof globalThis.WebSocket === 'function';
  if (!options.databaseProvided && config.env.DATABASE_DRIVER === 'neon' && !webSocketAvailable) problems.push(NEON_NEEDS_WEBSOCKET);
  let ton: TonParts | undefined;
  try {
    ton = (options.ton ?? ((c: Config) => chainFromEnv(c.env)))(config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (problems.length > 0 || !ton) throw new ConfigError(problems);
  return ton;
}
