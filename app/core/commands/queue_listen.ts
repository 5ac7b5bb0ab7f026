import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { Worker, type Job as BullJob } from 'bullmq'
import { registeredSchedules, resolveJob } from '#core/queue/job_registry'

const SHUTDOWN_GRACE_MS = 10_000

/**
 * The queue worker. Replaces @rlanz/bull-queue's listener, which never closes
 * its BullMQ worker (so it ignores SIGTERM) and completes jobs whose file it
 * cannot import. Here jobs resolve by registered name, an unknown name fails
 * the job (it is retried and kept), and SIGINT/SIGTERM let in-flight jobs finish.
 */
export default class QueueListen extends BaseCommand {
  static commandName = 'queue:listen'
  static description = 'Run the queue worker (jobs of every module)'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.array({ alias: 'q', description: 'Queues to listen on', default: ['default'] })
  declare queue: string[]

  async run() {
    await import('#start/jobs')
    const config = this.app.config.get<any>('queue')
    const logger = this.logger

    const workers = this.queue.map(
      (name) =>
        new Worker(name, (job) => this.#execute(job), {
          connection: config.defaultConnection,
          ...config.worker,
        })
    )
    for (const worker of workers) {
      worker.on('failed', (job, error) => {
        this.app.container.make('logger').then((log) => log.error({ err: error, job: job?.name, id: job?.id }, 'job failed'))
        if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) this.#rescue(job, error)
      })
    }

    // One bounded close for every way of stopping: in-flight jobs get time to finish,
    // and a Redis that is gone cannot hang the shutdown.
    let closing: Promise<unknown> | null = null
    const closeWorkers = () =>
      (closing ??= Promise.race([
        Promise.all(workers.map((worker) => worker.close())),
        new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref()),
      ]))
    this.app.terminating(async () => {
      await closeWorkers()
    })
    const stop = async () => {
      await closeWorkers()
      await this.terminate()
      process.exit()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    // Started by a supervisor (dev, start, the test suite) with an IPC channel: stop when it goes away.
    if (process.send) process.once('disconnect', stop)
    for (const schedule of registeredSchedules()) await schedule()
    logger.info(`worker listening on ${this.queue.join(', ')}`)
  }

  async #execute(job: BullJob) {
    const JobClass = await resolveJob(job.name)
    const instance = new JobClass()
    instance.$injectInternal({ job, logger: await this.app.container.make('logger') } as any)
    await instance.handle(job.data)
  }

  async #rescue(job: BullJob, error: Error) {
    const JobClass = await resolveJob(job.name).catch(() => null)
    const instance = JobClass ? new JobClass() : null
    await instance?.rescue(job.data, error)
  }
}
