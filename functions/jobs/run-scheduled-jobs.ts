import type { AppDeps } from '../app';
import { SCHEDULED_JOBS, type ScheduledJob } from './scheduled-jobs';

export interface JobOutcome {
  name: string;
  ok: boolean;
  ms: number;
  /** What the job did, when it finished. */
  result?: Record<string, unknown>;
  /** Why it did not, when it failed: a message, never a stack or a secret. */
  error?: string;
}

export interface ScheduledRunReport {
  ok: boolean;
  jobs: JobOutcome[];
}

/**
 * Runs the scheduled jobs one after another (one database connection suffices, as on a Worker) and
 * reports each. A failing job is logged and reported and does not stop the next: an indexer outage must
 * not keep unpaid orders from expiring.
 * @param only the names to run; all of them by default
 */
export async function runScheduledJobs(deps: AppDeps, options: { only?: readonly string[]; jobs?: readonly ScheduledJob[] } = {}): Promise<ScheduledRunReport> {
  const jobs = (options.jobs ?? SCHEDULED_JOBS).filter((job) => !options.only || options.only.includes(job.name));
  const outcomes: JobOutcome[] = [];
  for (const job of jobs) {
    const started = Date.now();
    try {
      const result = await job.run(deps);
      outcomes.push({ name: job.name, ok: true, ms: Date.now() - started, result });
    } catch (error) {
      deps.logger.error(`scheduled job ${job.name} failed (the next run retries)`, error);
      outcomes.push({ name: job.name, ok: false, ms: Date.now() - started, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { ok: outcomes.every((outcome) => outcome.ok), jobs: outcomes };
}
