import { enAdmin, type AdminMessageKey } from './en-admin';
import { createLazyCatalog } from './lazy-catalog';

// Catalogs for the admin screens by locale. This module ships with the admin chunk only (customers never
// download it), and the active locale's catalog follows it here.
/** Translates a key of the admin catalog (en-admin.ts) into the current locale. */
export const tAdmin: (key: AdminMessageKey, params?: Record<string, string | number>) => string = createLazyCatalog(enAdmin, {
  ru: () => import('./ru-admin').then((m) => m.ruAdmin),
  fa: () => import('./fa-admin').then((m) => m.faAdmin),
  hi: () => import('./hi-admin').then((m) => m.hiAdmin),
});
