import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { Queue, QueueEvents } from 'bullmq'
import { withTenant } from '#core/public/tenancy'
import { createAgency, createUser } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'
import { mailCatcher } from '#tests/helpers/mail_catcher'
import Project from '#projects/models/project'
import ProjectMember from '#projects/models/project_member'
import CheckProjectBudgetJob from '#projects/jobs/check_project_budget_job'
import SweepProjectBudgetsJob from '#projects/jobs/sweep_project_budgets_job'
import { checkProjectBudget, scheduleBudgetSweep, BUDGET_SWEEP_EVERY_MS } from '#projects/public/budget'
import { registerSpendSource, unregisterSpendSource } from '#projects/public/spend'

const HOUR = 3600

/**
 * An agency with an owner, a project manager and a member on a project with a
 * 10-hour budget, and a spend source registered in this process. The source
 * stands in for the Time module (time entries × cost rate) until it exists;
 * it is why the check's handler runs here: the worker process cannot see it.
 */
async function budgetedProject(name: string, budget: { seconds?: number; cents?: number } = { seconds: 10 * HOUR }) {
  const owner = await createAgency(name)
  const manager = await createUser(owner.agencyId, 'manager')
  const member = await createUser(owner.agencyId, 'member')
  const { clientId } = await createClient(owner.agencyId)
  const projectId = await withTenant(owner.agencyId, async () => {
    const project = await Project.create({
      clientId,
      name: `${name} website`,
      status: 'active',
      currency: 'USD',
      budgetSeconds: budget.seconds ?? null,
      budgetCents: budget.cents ?? null,
    })
    await ProjectMember.create({ projectId: project.id, userId: manager.userId, role: 'manager' })
    await ProjectMember.create({ projectId: project.id, userId: member.userId, role: 'member' })
    return project.id
  })
  const spend = { seconds: 0, costCents: 0 }
  const sourceKey = `test-time-${projectId}`
  registerSpendSource(sourceKey, {
    async spentFor(projectIds) {
      return new Map(projectIds.filter((id) => id === projectId).map((id) => [id, { ...spend }]))
    },
  })
  const run = () => new CheckProjectBudgetJob().handle({ agencyId: owner.agencyId, projectId })
  return { owner, manager, member, projectId, spend, run, cleanup: () => unregisterSpendSource(sourceKey) }
}

async function alertThresholds(projectId: string) {
  const rows = await db.connection('owner').from('project_budget_alerts').where('project_id', projectId).orderBy('threshold')
  return rows.map((row) => Number(row.threshold))
}

async function notificationsOf(userId: string) {
  return db.connection('owner').from('notifications').where('user_id', userId).orderBy('created_at')
}

/** A producer-side view of the app's queue in Redis; each test closes what it opens (or the run never ends). */
function redisQueue(options: { events?: boolean } = {}) {
  const connection = app.config.get<any>('queue').defaultConnection
  return {
    queue: new Queue('default', { connection }),
    events: options.events ? new QueueEvents('default', { connection }) : null,
  }
}

test.group('Budget alerts', () => {
  test('75, 90 and 100 % each fire once: notifications and emails to managers and owner, nothing on a rerun', async ({ assert, cleanup }) => {
    const setup = await budgetedProject('Burn')
    cleanup(setup.cleanup)
    const { owner, manager, member, projectId, spend, run } = setup

    spend.seconds = 7 * HOUR
    await run()
    assert.deepEqual(await alertThresholds(projectId), [], 'nothing below 75 %')

    spend.seconds = 7.5 * HOUR
    await run()
    assert.deepEqual(await alertThresholds(projectId), [75])
    await mailCatcher.waitFor(manager.email, /used 75 % of its budget/)
    const toOwner = await mailCatcher.waitFor(owner.email, /used 75 % of its budget/)
    assert.include(toOwner.text!, `/projects/${projectId}`)
    const [managerNote] = await notificationsOf(manager.userId)
    assert.equal(managerNote.title, 'Burn website: 75 % of the budget used')
    assert.equal(managerNote.href, `/projects/${projectId}`)
    assert.lengthOf(await notificationsOf(owner.userId), 1)

    spend.seconds = 9 * HOUR
    await run()
    assert.deepEqual(await alertThresholds(projectId), [75, 90])
    await mailCatcher.waitFor(manager.email, /used 90 % of its budget/)
    await mailCatcher.waitFor(owner.email, /used 90 % of its budget/)

    spend.seconds = 10 * HOUR
    await run()
    assert.deepEqual(await alertThresholds(projectId), [75, 90, 100])
    await mailCatcher.waitFor(manager.email, /used its whole budget/)
    await mailCatcher.waitFor(owner.email, /used its whole budget/)

    // Re-running (also past 100 %) records, notifies and sends nothing new.
    spend.seconds = 11 * HOUR
    await run()
    await run()
    await new Promise((resolve) => setTimeout(resolve, 1500))
    assert.deepEqual(await alertThresholds(projectId), [75, 90, 100])
    assert.lengthOf(await notificationsOf(manager.userId), 3)
    assert.lengthOf(await notificationsOf(owner.userId), 3)
    assert.lengthOf(mailCatcher.sentTo(manager.email), 3)
    assert.lengthOf(mailCatcher.sentTo(owner.email), 3)
    // A plain member of the project is not told.
    assert.lengthOf(await notificationsOf(member.userId), 0)
    assert.lengthOf(mailCatcher.sentTo(member.email), 0)
  }).timeout(60_000)

  test('crossing two thresholds at once fires both; concurrent runs fire each once', async ({ assert, cleanup }) => {
    const setup = await budgetedProject('Jump', { cents: 100_000 })
    cleanup(setup.cleanup)
    const { manager, projectId, spend, run } = setup

    spend.costCents = 95_000
    await Promise.all([run(), run(), run()])
    assert.deepEqual(await alertThresholds(projectId), [75, 90])
    await mailCatcher.waitFor(manager.email, /used 75 % of its budget/)
    await mailCatcher.waitFor(manager.email, /used 90 % of its budget/)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    assert.lengthOf(mailCatcher.sentTo(manager.email), 2)
    assert.lengthOf(await notificationsOf(manager.userId), 2)
  }).timeout(60_000)

  test('a project without a budget never alerts', async ({ assert, cleanup }) => {
    const setup = await budgetedProject('Open', {})
    cleanup(setup.cleanup)
    setup.spend.seconds = 100 * HOUR
    await setup.run()
    assert.deepEqual(await alertThresholds(setup.projectId), [])
  })

  test('checkProjectBudget queues the check in Redis after commit, and the worker runs it', async ({ assert, cleanup }) => {
    const setup = await budgetedProject('Queued')
    cleanup(setup.cleanup)
    const { queue, events } = redisQueue({ events: true })
    cleanup(async () => {
      await events!.close()
      await queue.close()
    })
    await events!.waitUntilReady()

    await withTenant(setup.owner.agencyId, () => checkProjectBudget(setup.projectId))
    const job = await waitForJob(queue, (candidate) => candidate.data.projectId === setup.projectId)
    assert.equal(job.name, 'projects.check_project_budget')
    assert.deepEqual(job.data, { agencyId: setup.owner.agencyId, projectId: setup.projectId })
    // The worker knows the job by name; it sees no spend (the test's source lives in this process).
    await job.waitUntilFinished(events!, 20_000)
    assert.deepEqual(await alertThresholds(setup.projectId), [])
  }).timeout(30_000)

  test('a check asked for inside a transaction that rolls back is never queued', async ({ assert, cleanup }) => {
    const setup = await budgetedProject('Rolled')
    cleanup(setup.cleanup)
    const { queue } = redisQueue()
    cleanup(() => queue.close())
    await assert.rejects(() =>
      withTenant(setup.owner.agencyId, async () => {
        await checkProjectBudget(setup.projectId)
        throw new Error('the spend change failed')
      })
    )
    await new Promise((resolve) => setTimeout(resolve, 500))
    const jobs = await queue.getJobs(['waiting', 'active', 'completed', 'delayed', 'failed'])
    assert.isUndefined(jobs.find((job) => job.data?.projectId === setup.projectId))
  })

  test('the sweep queues a check for every active project with a budget, and is scheduled hourly', async ({ assert, cleanup }) => {
    const active = await budgetedProject('Swept')
    cleanup(active.cleanup)
    const unbudgeted = await budgetedProject('Unbudgeted', {})
    cleanup(unbudgeted.cleanup)
    const { queue } = redisQueue()
    cleanup(() => queue.close())

    await new SweepProjectBudgetsJob().handle()
    const job = await waitForJob(queue, (candidate) => candidate.data.projectId === active.projectId)
    assert.deepEqual(job.data, { agencyId: active.owner.agencyId, projectId: active.projectId })
    const jobs = await queue.getJobs(['waiting', 'active', 'completed', 'delayed', 'failed'])
    assert.isUndefined(jobs.find((candidate) => candidate.data?.projectId === unbudgeted.projectId))

    // The worker put the hourly sweep in place when it started (registerSchedule in projects' jobs/index.ts)…
    const atStart = (await queue.getRepeatableJobs()).filter((repeat) => repeat.name === SweepProjectBudgetsJob.jobName)
    assert.lengthOf(atStart, 1)
    // …and scheduling again changes nothing.
    await scheduleBudgetSweep()
    await scheduleBudgetSweep()
    const schedules = (await queue.getRepeatableJobs()).filter((repeat) => repeat.name === SweepProjectBudgetsJob.jobName)
    assert.lengthOf(schedules, 1)
    assert.equal(Number(schedules[0].every), BUDGET_SWEEP_EVERY_MS)
  }).timeout(30_000)
})

async function waitForJob(queue: Queue, match: (job: any) => boolean) {
  const until = Date.now() + 10_000
  while (Date.now() < until) {
    const jobs = await queue.getJobs(['waiting', 'active', 'completed', 'delayed', 'failed'])
    const found = jobs.find((job) => job && match(job))
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('No such job in Redis within 10 s')
}
