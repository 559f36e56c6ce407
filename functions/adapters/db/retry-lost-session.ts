import { isDatabaseUnavailable } from './pg-errors';

const PAUSES_MS = [50, 250, 1000];

/**
 * Runs `write` again, on whatever session the pool gives next, when its session was lost mid-statement
 * (a terminated backend, a failover, a pooler recycling the connection): the database is usually there
 * a moment later. Only for writes that are safe to repeat: a statement cut off this way either rolled back
 * or committed, so `write` must mean the same thing done once or twice (an UPDATE guarded by the state it
 * moves from, for instance). Gives up with the last error after a few tries over about a second and a half.
 */
export async function retryWhenSessionLost<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const pause = PAUSES_MS[attempt];
      if (pause === undefined || !isDatabaseUnavailable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
