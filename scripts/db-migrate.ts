// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the PGlite DATA_DIR). The work is
// in functions/platforms/node/db-migrate-cli.ts; this file only hands it the process.
import { runDbMigrateCli } from '../functions/platforms/node/db-migrate-cli';

process.exitCode = await runDbMigrateCli({
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
