import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new SQL migration from the schema; migrations are checked in and
// applied by functions/adapters/db/migrate.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './functions/adapters/db/schema.ts',
  out: './functions/adapters/db/migrations',
});
