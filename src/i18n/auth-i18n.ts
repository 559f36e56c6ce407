import { enAuth, type AuthMessageKey } from './en-auth';
import { createLazyCatalog } from './lazy-catalog';

// Catalogs for the sign-in and account screens by locale: this module ships with those (lazily loaded)
// screens, and the active locale's catalog follows it here.
/** Translates a key of the sign-in and account catalog (en-auth.ts) into the current locale. */
export const tAuth: (key: AuthMessageKey, params?: Record<string, string | number>) => string = createLazyCatalog(enAuth, {
  ru: () => import('./ru-auth').then((m) => m.ruAuth),
  fa: () => import('./fa-auth').then((m) => m.faAuth),
  hi: () => import('./hi-auth').then((m) => m.hiAuth),
});
