/*
| Jobs are dispatched and executed by an explicit name, never by file path:
| a worker built from another folder (or another build) still finds the
| class, and an unknown name fails the job loudly instead of completing it.
| Each module registers its jobs in its own `jobs/index.ts`.
*/
import type { Job } from '@rlanz/bull-queue'

export interface QueueJob<Payload> extends Job {
  handle(payload: Payload): Promise<void>
  rescue(payload: Payload, error: Error): Promise<void>
}

export type JobClass<Payload = any> = (new () => QueueJob<Payload>) & { jobName: string }

const registry = new Map<string, () => Promise<JobClass>>()

export function registerJobs(jobs: Record<string, () => Promise<{ default: JobClass }>>) {
  for (const [name, load] of Object.entries(jobs)) {
    registry.set(name, async () => (await load()).default)
  }
}

export async function resolveJob(name: string): Promise<JobClass> {
  const load = registry.get(name)
  if (!load) throw new Error(`No job registered under the name "${name}"`)
  return load()
}

export function registeredJobNames() {
  return [...registry.keys()]
}

/**
 * Repeating work (sweeps, reminders): each module registers how to put its
 * schedules in place; the worker runs these when it starts. They must be
 * idempotent — every worker start runs them again.
 */
const schedules: Array<() => Promise<void>> = []

export function registerSchedule(schedule: () => Promise<void>) {
  schedules.push(schedule)
}

export function registeredSchedules() {
  return [...schedules]
}
