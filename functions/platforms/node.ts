// Node entry: `npm start` (after the build) and `npm run serve`. Reads the environment once, here.
import { ConfigError, loadConfig } from '../config';
import { startNodeServer, type Logger } from './node/start-server';

const logger: Logger = {
  info: (message) => console.log(message),
  warn: (message) => console.warn(message),
  error: (message, error) => console.error(message, error ?? ''),
};

try {
  const server = await startNodeServer(loadConfig(process.env), logger);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info(`${signal}: shutting down`);
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
