import { readToml, type TomlTable } from './toml';

/** The part of wrangler.toml the workerd test starts Miniflare with. */
export interface WranglerConfig {
  main: string;
  noBundle: boolean;
  compatibilityDate: string;
  compatibilityFlags: string[];
  assets: { directory: string; binding: string; notFoundHandling: string; runWorkerFirst: string[] };
  crons: string[];
  vars: Record<string, string>;
}

/** The checked-in wrangler.toml, so the test runs the Worker as it deploys. */
export function readWranglerToml(path: string): WranglerConfig {
  const top = readToml(path);
  const assets = (top.assets ?? {}) as TomlTable;
  const triggers = (top.triggers ?? {}) as TomlTable;
  return {
    main: String(top.main),
    noBundle: top.no_bundle === true,
    compatibilityDate: String(top.compatibility_date),
    compatibilityFlags: (top.compatibility_flags as string[] | undefined) ?? [],
    assets: {
      directory: String(assets.directory),
      binding: String(assets.binding),
      notFoundHandling: String(assets.not_found_handling ?? 'none'),
      runWorkerFirst: (assets.run_worker_first as string[] | undefined) ?? [],
    },
    crons: (triggers.crons as string[] | undefined) ?? [],
    vars: Object.fromEntries(Object.entries((top.vars ?? {}) as TomlTable).map(([k, v]) => [k, String(v)])),
  };
}
