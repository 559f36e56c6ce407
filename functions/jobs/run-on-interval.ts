import type { AppDeps } from '../app';
import { runScheduledJobs } from './run-scheduled-jobs';
import { findScheduledJob, type ScheduledJobName } from './scheduled-jobs';

export interface IntervalLogger {
  info(message: string): void;
}

/**
 * Runs one scheduled job every `seconds` in a long-lived server (Node), the way a platform's cron runs
 * them all: a pass never starts while the previous one is still going, failures are logged by
 * runScheduledJobs and retried at the next tick. The timer does not keep the process alive.
 * @returns stops the interval
 */
export function runJobOnInterval(deps: AppDeps, name: ScheduledJobName, seconds: number, logger: IntervalLogger): () => void {
  const job = findScheduledJob(name);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runScheduledJobs(deps, { jobs: [job] })
      .then((report) => {
        const result = report.jobs[0]?.result;
        const line = result && job.summarize?.(result);
        if (line) logger.info(line);
      })
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  timer.unref?.();
  return () => clearInterval(timer);
}
