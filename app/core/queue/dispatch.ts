import app from '@adonisjs/core/services/app'
import type { JobsOptions } from 'bullmq'
import { tenancy } from '#core/tenancy/tenant_context'
import type { JobClass } from './job_registry.js'

async function enqueue(job: JobClass, payload: unknown, options: JobsOptions) {
  const queue = await app.container.make('rlanz/queue')
  const config = app.config.get<{ jobs?: JobsOptions }>('queue')
  await queue.getOrSet('default').add(job.jobName, payload, { ...config.jobs, ...options })
}

/** Jobs on their way to Redis after a commit: the app waits for them before it shuts down. */
const inFlight = new Set<Promise<void>>()

/**
 * Waits until every job queued after a commit has reached Redis (or failed
 * to). Runs when the app terminates, before the providers close Redis and
 * the queue: a short-lived process (an ace command such as `db:seed`, or a
 * server stopping) would otherwise end while a job is still being added —
 * losing it, or opening the queue's Redis connection after shutdown and
 * never exiting.
 */
export async function settleDispatches() {
  while (inFlight.size) await Promise.allSettled([...inFlight])
}

app.terminating(settleDispatches)

/**
 * Queues a job once the current transaction has committed (so the worker
 * sees the rows it is about to read, and a rolled-back action sends nothing).
 * Outside a transaction it queues at once. Payloads carry ids, not models.
 */
export async function dispatchAfterCommit<Payload>(job: JobClass<Payload>, payload: Payload, options: JobsOptions = {}) {
  const scope = tenancy.current()
  if (!scope) return enqueue(job, payload, options)
  scope.trx.after('commit', () => {
    const queued = enqueue(job, payload, options).catch(async (error) => {
      const logger = await app.container.make('logger')
      logger.error({ err: error, job: job.jobName }, 'could not queue job')
    })
    inFlight.add(queued)
    queued.finally(() => inFlight.delete(queued))
  })
}
