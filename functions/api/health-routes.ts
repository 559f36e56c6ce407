import { Hono } from 'hono';

export interface HealthProbe {
  db: () => Promise<void>;
}

/** Liveness with each dependency's state; says nothing secret. */
export function healthRoutes(deps: { probe: HealthProbe; devMode: boolean; version: string }) {
  const app = new Hono();
  app.get('/', async (c) => {
    const db = await deps.probe.db().then(
      () => 'ok' as const,
      () => 'down' as const,
    );
    const status = db === 'ok' ? 'ok' : 'degraded';
    return c.json({ status, db, devMode: deps.devMode, version: deps.version }, db === 'ok' ? 200 : 503);
  });
  return app;
}
