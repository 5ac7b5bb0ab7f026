import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { Queue, QueueEvents } from 'bullmq'
import { withTenant } from '#core/public/tenancy'
import { mailCatcher } from '#tests/helpers/mail_catcher'
import { logTime, timeTeam } from '#tests/helpers/time'
import CheckProjectBudgetJob from '#projects/jobs/check_project_budget_job'
import SweepProjectBudgetsJob from '#projects/jobs/sweep_project_budgets_job'
import { checkProjectBudget, scheduleBudgetSweep, BUDGET_SWEEP_EVERY_MS } from '#projects/public/budget'

const HOUR = 3600
const daysAgo = (days: number) => DateTime.utc().minus({ days }).toISODate()!

/**
 * The Time module's team (an owner, a project manager and a member on one
 * active project) with a budget — 10 hours unless told otherwise. Spend comes
 * from real time entries logged through LogTime, which queues the budget
 * check after its transaction commits; the separately started worker runs it,
 * and sees that time because it boots the same app (Time registers its spend
 * source in `app/time/register.ts`). `run()` runs the check in this process
 * too, for reruns and races.
 */
async function budgetedProject(name: string, budget: { seconds?: number; cents?: number } = { seconds: 10 * HOUR }) {
  const team = await timeTeam(name)
  await db
    .connection('owner')
    .from('projects')
    .where('id', team.projectId)
    .update({ name: `${name} website`, budget_seconds: budget.seconds ?? null, budget_cents: budget.cents ?? null })
  let day = 0
  /** Logs `hours` as the member on an earlier day each time (no two entries share a day). */
  const log = (hours: number) => logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: daysAgo(++day), seconds: hours * HOUR })
  const run = () => new CheckProjectBudgetJob().handle({ agencyId: team.agencyId, projectId: team.projectId })
  return { ...team, log, run }
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

/**
 * Waits until the worker has finished a budget check of this project queued
 * at or after `since` (ms), i.e. the one the last write asked for.
 */
async function checkedByWorker(queue: Queue, projectId: string, since: number) {
  const until = Date.now() + 20_000
  while (Date.now() < until) {
    const jobs = await queue.getJobs(['completed', 'failed'])
    const done = jobs.find((job) => job?.name === CheckProjectBudgetJob.jobName && job.data?.projectId === projectId && job.timestamp >= since)
    if (done?.failedReason) throw new Error(`The budget check failed in the worker: ${done.failedReason}`)
    if (done) return done
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('The worker did not finish a budget check within 20 s')
}

test.group('Budget alerts', () => {
  test('time logged up to 75, 90 and 100 % of a 10-hour budget fires each alert once, from the worker; reruns send nothing', async ({ assert, cleanup }) => {
    const { owner, manager, member, projectId, log, run } = await budgetedProject('Burn')
    const { queue } = redisQueue()
    cleanup(() => queue.close())
    /** Logs time and waits for the worker to run the check LogTime queued. */
    const logAndCheck = async (hours: number) => {
      const since = Date.now()
      await log(hours)
      await checkedByWorker(queue, projectId, since)
    }

    await logAndCheck(7)
    assert.deepEqual(await alertThresholds(projectId), [], 'nothing below 75 %')

    // 7.5 h: this process never ran the check, so the worker saw Time's spend.
    await logAndCheck(0.5)
    assert.deepEqual(await alertThresholds(projectId), [75])
    await mailCatcher.waitFor(manager.email, /used 75 % of its budget/)
    const toOwner = await mailCatcher.waitFor(owner.email, /used 75 % of its budget/)
    assert.include(toOwner.text!, `/projects/${projectId}`)
    const [managerNote] = await notificationsOf(manager.userId)
    assert.equal(managerNote.title, 'Burn website: 75 % of the budget used')
    assert.equal(managerNote.href, `/projects/${projectId}`)
    assert.lengthOf(await notificationsOf(owner.userId), 1)

    await logAndCheck(1.5)
    assert.deepEqual(await alertThresholds(projectId), [75, 90])
    await mailCatcher.waitFor(manager.email, /used 90 % of its budget/)
    await mailCatcher.waitFor(owner.email, /used 90 % of its budget/)

    await logAndCheck(1)
    assert.deepEqual(await alertThresholds(projectId), [75, 90, 100])
    await mailCatcher.waitFor(manager.email, /used its whole budget/)
    await mailCatcher.waitFor(owner.email, /used its whole budget/)

    // Re-running — in the worker, here, and past 100 % — records, notifies and sends nothing new.
    const since = Date.now()
    await withTenant(owner.agencyId, () => checkProjectBudget(projectId))
    await checkedByWorker(queue, projectId, since)
    await logAndCheck(1)
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
  }).timeout(90_000)

  test('crossing two thresholds at once fires both; concurrent runs fire each once', async ({ assert, cleanup }) => {
    const setup = await budgetedProject('Jump', { cents: 100_000 })
    const { manager, member, projectId, log, run } = setup
    // The member costs 100.00 an hour here, frozen on the entry when it is logged.
    await db.connection('owner').from('project_members').where({ project_id: projectId, user_id: member.userId }).update({ cost_rate_cents: 10_000 })
    const { queue } = redisQueue()
    cleanup(() => queue.close())

    const since = Date.now()
    await log(9.5)
    // The worker runs the check LogTime queued while this process races it three times.
    await Promise.all([run(), run(), run()])
    await checkedByWorker(queue, projectId, since)
    assert.deepEqual(await alertThresholds(projectId), [75, 90])
    await mailCatcher.waitFor(manager.email, /used 75 % of its budget/)
    await mailCatcher.waitFor(manager.email, /used 90 % of its budget/)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    assert.lengthOf(mailCatcher.sentTo(manager.email), 2)
    assert.lengthOf(await notificationsOf(manager.userId), 2)
  }).timeout(60_000)

  test('a project without a budget never alerts', async ({ assert, cleanup }) => {
    const setup = await budgetedProject('Open', {})
    const { queue } = redisQueue()
    cleanup(() => queue.close())
    const since = Date.now()
    await setup.log(12)
    await setup.log(12)
    await checkedByWorker(queue, setup.projectId, since)
    await setup.run()
    assert.deepEqual(await alertThresholds(setup.projectId), [])
  }).timeout(30_000)

  test('logging time queues the check in Redis after commit, and the separately started worker runs it with Time’s spend', async ({ assert, cleanup }) => {
    const setup = await budgetedProject('Queued')
    const { queue, events } = redisQueue({ events: true })
    cleanup(async () => {
      await events!.close()
      await queue.close()
    })
    await events!.waitUntilReady()

    const since = Date.now()
    await setup.log(8)
    const job = await waitForJob(queue, (candidate) => candidate.data.projectId === setup.projectId && candidate.timestamp >= since)
    assert.equal(job.name, 'projects.check_project_budget')
    assert.deepEqual(job.data, { agencyId: setup.agencyId, projectId: setup.projectId })
    await job.waitUntilFinished(events!, 20_000)
    // Only the worker ran the check: it counted the 8 hours Time registered as spend.
    assert.deepEqual(await alertThresholds(setup.projectId), [75])
  }).timeout(30_000)

  test('a check asked for inside a transaction that rolls back is never queued', async ({ assert, cleanup }) => {
    const setup = await budgetedProject('Rolled')
    const { queue } = redisQueue()
    cleanup(() => queue.close())
    await assert.rejects(() =>
      withTenant(setup.agencyId, async () => {
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
    const unbudgeted = await budgetedProject('Unbudgeted', {})
    const { queue } = redisQueue()
    cleanup(() => queue.close())

    await new SweepProjectBudgetsJob().handle()
    const job = await waitForJob(queue, (candidate) => candidate.data.projectId === active.projectId)
    assert.deepEqual(job.data, { agencyId: active.agencyId, projectId: active.projectId })
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
