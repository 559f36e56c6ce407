/**
 * The paths the app answers; everything else is the built Mini App (static files, with index.html for
 * client-side routes). The platform configs route the same list to the function: wrangler.toml's
 * `run_worker_first`, the routes in Vercel's .vercel/output/config.json (vercel/build-output.ts),
 * netlify/functions/api.ts's `config.path`.
 */
export const APP_PATH_PATTERNS = ['/api/*', '/media/*', '/tonconnect-manifest.json', '/manifest.webmanifest'] as const;

/** Whether the app, rather than the static site, answers `pathname`. */
export function isAppPath(pathname: string): boolean {
  return APP_PATH_PATTERNS.some((pattern) =>
    pattern.endsWith('/*') ? pathname.startsWith(pattern.slice(0, -1)) || pathname === pattern.slice(0, -2) : pathname === pattern,
  );
}
