/**
 * Jobs: each module registers its jobs by name in its own `jobs/index.ts`
 * (imported from start/jobs.ts) and queues them after commit.
 */
export { registerJobs, registerSchedule, type QueueJob, type JobClass } from '#core/queue/job_registry'
export { dispatchAfterCommit } from '#core/queue/dispatch'
