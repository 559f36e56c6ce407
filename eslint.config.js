// `npm run lint`: ESLint (typescript-eslint) with the module boundaries of docs/STYLE (../shared/STYLE.md)
// as rules, and Prettier's check. The boundaries are the architecture: a rule here is what keeps it.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const root = fileURLToPath(new URL('.', import.meta.url));
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
// The admin area is split the same way: its sub-features (orders, products …) share only admin/common,
// and admin/shell, which puts them together, is the one that may import them all.
const adminParts = readdirSync(new URL('./src/features/admin', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'shell')
  .map((entry) => entry.name);

/** `from` may not import anything under `target` (paths from the repo root). */
const zone = (target, from, message) => ({ target, from, message });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', '.vercel/**', '.netlify/**', '.wrangler/**', 'coverage/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // How import-x reads the TypeScript files it follows (parsers and extensions), for no-cycle above all.
  importX.flatConfigs.typescript,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${root}tsconfig.json` })] },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            // The pure core does no I/O and knows nothing of HTTP, the database or the platforms.
            ...[
              'functions/adapters',
              'functions/api',
              'functions/http',
              'functions/platforms',
              'functions/jobs',
              'functions/app.ts',
              'functions/compose.ts',
              'functions/compose-admin.ts',
              'functions/config.ts',
              'src',
            ].map((from) => zone('functions/core', from, 'functions/core is pure: it imports nothing outside core (and contract/).')),
            // The contract is what client and server share: it imports neither.
            zone('contract', 'functions', 'contract/ is shared by the client and the server and imports neither.'),
            zone('contract', 'src', 'contract/ is shared by the client and the server and imports neither.'),
            // The Mini App never reaches into the server's code; what it shares with it is in contract/.
            zone('src', 'functions', 'the Mini App imports the server only through contract/.'),
            // Imports flow one way: shared → features → app. Features never import each other.
            ...features.flatMap((feature) =>
              features
                .filter((other) => other !== feature)
                .map((other) =>
                  zone(
                    `src/features/${feature}`,
                    `src/features/${other}`,
                    `features do not import each other (${feature} → ${other}): move what both need to src/ui, src/domain or src/platform.`,
                  ),
                ),
            ),
            ...adminParts.flatMap((part) =>
              [...adminParts, 'shell']
                .filter((other) => other !== part && !(other === 'common' && part !== 'common'))
                .map((other) =>
                  zone(
                    `src/features/admin/${part}`,
                    `src/features/admin/${other}`,
                    `admin sub-features share only admin/common (${part} → ${other}); admin/shell puts them together.`,
                  ),
                ),
            ),
            ...['src/ui', 'src/domain', 'src/platform', 'src/i18n'].flatMap((shared) => [
              zone(shared, 'src/features', 'shared code (ui, domain, platform, i18n) does not import features.'),
              zone(shared, 'src/app', 'shared code (ui, domain, platform, i18n) does not import the app.'),
            ]),
            zone('src/features', 'src/app', 'features do not import the app that composes them.'),
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      // A `let` assigned once, later than a closure that reads it, cannot be const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  // TypeScript itself knows which names exist; plain JS scripts run on Node.
  { files: ['**/*.{ts,tsx}'], rules: { 'no-undef': 'off' } },
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { ...globals.node } } },
  {
    // Tests and tooling may reach across the layers they exercise.
    files: ['test/**', 'bench/**', 'scripts/**', '*.config.ts', '*.config.js'],
    rules: { 'import-x/no-restricted-paths': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
