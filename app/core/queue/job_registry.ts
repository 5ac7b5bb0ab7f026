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
