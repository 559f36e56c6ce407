import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Screenshots land here (gitignored), one folder per test. */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts/', import.meta.url));
