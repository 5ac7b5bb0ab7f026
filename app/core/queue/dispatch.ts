import app from '@adonisjs/core/services/app'
import type { JobsOptions } from 'bullmq'
import { tenancy } from '#core/tenancy/tenant_context'
import type { JobClass } from './job_registry.js'

async function enqueue(job: JobClass, payload: unknown, options: JobsOptions) {
  const queue = await app.container.make('rlanz/queue')
  const config = app.config.get<{ jobs?: JobsOptions }>('queue')
  await queue.getOrSet('default').add(job.jobName, payload, { ...config.jobs, ...options })
}

/**
 * Queues a job once the current transaction has committed (so the worker
 * sees the rows it is about to read, and a rolled-back action sends nothing).
 * Outside a transaction it queues at once. Payloads carry ids, not models.
 */
export async function dispatchAfterCommit<Payload>(job: JobClass<Payload>, payload: Payload, options: JobsOptions = {}) {
  const scope = tenancy.current()
  if (!scope) return enqueue(job, payload, options)
  scope.trx.after('commit', () => {
    enqueue(job, payload, options).catch((error) => {
      app.container.make('logger').then((logger) => logger.error({ err: error, job: job.jobName }, 'could not queue job'))
    })
  })
}
