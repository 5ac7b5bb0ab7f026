import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { Queue } from 'bullmq'
import { DateTime } from 'luxon'
import StopOverdueTimersJob, { TIMER_SWEEP_EVERY_MS, scheduleTimerSweep } from '#time/jobs/stop_overdue_timers_job'
import { PASSWORD } from '#tests/helpers/factories'
import { addProject, timeTeam } from '#tests/helpers/time'
import { WebSession } from '#tests/helpers/web_session'

const H = 3600

const owner = () => db.connection('owner')

/** A timer row as if started at `startedAt` (a past instant the API cannot produce). */
async function runningSince(team: { agencyId: string; projectId: string }, userId: string, startedAt: DateTime, fields: { description?: string } = {}) {
  await owner()
    .table('running_timers')
    .insert({
      agency_id: team.agencyId,
      user_id: userId,
      project_id: team.projectId,
      description: fields.description ?? 'Design review',
      billable: true,
      started_at: startedAt.toJSDate(),
    })
}

async function entriesOf(userId: string) {
  return owner().from('time_entries').where('user_id', userId).orderBy('started_at')
}

async function timerAudit(userId: string) {
  const rows = await owner().from('audit_logs').where({ entity_type: 'timer', entity_id: userId }).orderBy('created_at')
  return rows.map((row) => row.action)
}

/** A fixed-offset zone where it is now between 01:00 and 03:59, so an hour before local midnight is recent. */
function zoneJustPastMidnight(now = DateTime.utc()) {
  for (const localHour of [2, 3, 1]) {
    let offset = (localHour - now.hour + 24) % 24
    if (offset > 14) offset -= 24
    if (offset >= -12 && offset <= 14) return offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`
  }
  throw new Error('no zone')
}

test.group('Timer API', () => {
  test('start → current → stop logs one timed entry with the rates frozen, and the timer is gone', async ({ client, assert }) => {
    const team = await timeTeam('Timer')
    const started = await client
      .post('/api/timer/start')
      .bearerToken(team.member.token)
      .json({ projectId: team.projectId, description: 'Homepage hero' })
    started.assertStatus(201)
    assert.containsSubset(started.body().timer, {
      projectId: team.projectId,
      projectName: 'Timer project',
      taskId: null,
      description: 'Homepage hero',
      billable: true, // the project's default
    })
    assert.isAtMost(started.body().timer.elapsed, 2)

    const current = await client.get('/api/timer').bearerToken(team.member.token)
    current.assertStatus(200)
    assert.equal(current.body().timer.description, 'Homepage hero')
    assert.equal(current.body().timer.startedAt, started.body().timer.startedAt)

    // Ninety minutes of work (moved back in time, as the clock cannot be).
    const since = DateTime.utc().minus({ minutes: 90 }).startOf('second')
    await owner().from('running_timers').where('user_id', team.member.userId).update({ started_at: since.toJSDate() })

    const stopped = await client.post('/api/timer/stop').bearerToken(team.member.token)
    stopped.assertStatus(200)
    assert.isFalse(stopped.body().stoppedAtLimit)
    const entries = stopped.body().timeEntries
    assert.isAtLeast(entries.length, 1)
    const total = entries.reduce((sum: number, entry: any) => sum + entry.duration, 0)
    assert.closeTo(total, 90 * 60, 3)
    for (const entry of entries) {
      assert.containsSubset(entry, { projectId: team.projectId, description: 'Homepage hero', billable: true, billableRate: 15000, costRate: 4000, currency: 'USD', status: 'draft' })
    }
    assert.equal(DateTime.fromISO(entries[0].startedAt).toMillis(), since.toMillis())

    const rows = await entriesOf(team.member.userId)
    assert.lengthOf(rows, entries.length)
    assert.equal(rows[0].cost_rate_cents, 4000)
    assert.isNull((await client.get('/api/timer').bearerToken(team.member.token)).body().timer)
    assert.deepEqual(await timerAudit(team.member.userId), ['started', 'stopped'])
  })

  test('a timer running past midnight in the agency’s zone becomes one entry per local day', async ({ client, assert }) => {
    const zone = zoneJustPastMidnight()
    const team = await timeTeam('Midnight', { timezone: zone })
    const midnight = DateTime.utc().setZone(zone).startOf('day')
    await runningSince(team, team.member.userId, midnight.minus({ hours: 1 }).toUTC())

    const stopped = await client.post('/api/timer/stop').bearerToken(team.member.token)
    stopped.assertStatus(200)
    const entries = stopped.body().timeEntries
    assert.lengthOf(entries, 2)
    const today = midnight.toISODate()
    const yesterday = midnight.minus({ days: 1 }).toISODate()
    assert.deepEqual(
      entries.map((entry: any) => entry.date),
      [yesterday, today]
    )
    assert.equal(entries[0].duration, H)
    assert.equal(DateTime.fromISO(entries[0].endedAt).toMillis(), midnight.toMillis())
    assert.equal(DateTime.fromISO(entries[1].startedAt).toMillis(), midnight.toMillis())
    const rows = await entriesOf(team.member.userId)
    assert.deepEqual(
      rows.map((row) => row.entry_date),
      [yesterday, today]
    )
  })

  test('one timer per person: a second start is a 409 and the first keeps running; a colleague has their own', async ({ client, assert }) => {
    const team = await timeTeam('One timer')
    ;(await client.post('/api/timer/start').bearerToken(team.member.token).json({ projectId: team.projectId, description: 'First' })).assertStatus(201)
    const second = await client.post('/api/timer/start').bearerToken(team.member.token).json({ projectId: team.projectId, description: 'Second' })
    second.assertStatus(409)
    assert.match(second.body().errors[0].message, /already running/)
    assert.equal((await client.get('/api/timer').bearerToken(team.member.token)).body().timer.description, 'First')

    const colleague = await client.post('/api/timer/start').bearerToken(team.manager.token).json({ projectId: team.projectId, description: 'Mine' })
    colleague.assertStatus(201)

    // Two starts at the same moment (a double click, two devices): one wins, the other is told.
    ;(await client.delete('/api/timer').bearerToken(team.member.token)).assertStatus(204)
    const both = await Promise.all([
      client.post('/api/timer/start').bearerToken(team.member.token).json({ projectId: team.projectId }),
      client.post('/api/timer/start').bearerToken(team.member.token).json({ projectId: team.projectId }),
    ])
    assert.sameMembers(
      both.map((response) => response.status()),
      [201, 409]
    )
    assert.lengthOf(await owner().from('running_timers').where('user_id', team.member.userId), 1)
  })

  test('stopping twice logs the time once', async ({ client, assert }) => {
    const team = await timeTeam('Twice')
    await runningSince(team, team.member.userId, DateTime.utc().minus({ minutes: 30 }))
    const first = await client.post('/api/timer/stop').bearerToken(team.member.token)
    first.assertStatus(200)
    const logged = first.body().timeEntries.length
    assert.isAtLeast(logged, 1)

    const second = await client.post('/api/timer/stop').bearerToken(team.member.token)
    second.assertStatus(200)
    assert.deepEqual(second.body().timeEntries, [])
    assert.lengthOf(await entriesOf(team.member.userId), logged)
  })

  test('nobody else sees or stops your timer, not even the owner', async ({ client, assert }) => {
    const team = await timeTeam('Private')
    ;(await client.post('/api/timer/start').bearerToken(team.member.token).json({ projectId: team.projectId })).assertStatus(201)

    for (const token of [team.manager.token, team.owner.token]) {
      assert.isNull((await client.get('/api/timer').bearerToken(token)).body().timer)
      const stop = await client.post('/api/timer/stop').bearerToken(token)
      assert.deepEqual(stop.body().timeEntries, [])
      ;(await client.delete('/api/timer').bearerToken(token)).assertStatus(204)
    }
    assert.isNotNull((await client.get('/api/timer').bearerToken(team.member.token)).body().timer)
    assert.lengthOf(await owner().from('running_timers').where('user_id', team.member.userId), 1)
  })

  test('a project the person is not assigned to, or a completed one, is a 422 on projectId; a task of another project on taskId', async ({ client, assert }) => {
    const team = await timeTeam('Refused')
    const notMine = await addProject(team.agencyId, team.clientId, [{ userId: team.manager.userId }])
    const unassigned = await client.post('/api/timer/start').bearerToken(team.member.token).json({ projectId: notMine })
    unassigned.assertStatus(422)
    assert.containsSubset(unassigned.body().errors[0], { field: 'projectId', rule: 'assigned' })

    const done = await addProject(team.agencyId, team.clientId, [{ userId: team.member.userId }], { status: 'completed', name: 'Shipped' })
    const completed = await client.post('/api/timer/start').bearerToken(team.member.token).json({ projectId: done })
    completed.assertStatus(422)
    assert.containsSubset(completed.body().errors[0], { field: 'projectId', rule: 'completed' })

    const badTask = await client
      .post('/api/timer/start')
      .bearerToken(team.member.token)
      .json({ projectId: team.projectId, taskId: '00000000-0000-4000-8000-000000000000' })
    badTask.assertStatus(422)
    assert.equal(badTask.body().errors[0].field, 'taskId')

    assert.isNull((await client.get('/api/timer').bearerToken(team.member.token)).body().timer)
  })

  test('billable follows the project’s default unless the person says otherwise', async ({ client, assert }) => {
    const team = await timeTeam('Billable')
    const internal = await addProject(team.agencyId, team.clientId, [{ userId: team.member.userId }], { billableByDefault: false, name: 'Internal' })
    const started = await client.post('/api/timer/start').bearerToken(team.member.token).json({ projectId: internal })
    assert.isFalse(started.body().timer.billable)
    ;(await client.delete('/api/timer').bearerToken(team.member.token)).assertStatus(204)
    const chosen = await client.post('/api/timer/start').bearerToken(team.member.token).json({ projectId: internal, billable: true })
    assert.isTrue(chosen.body().timer.billable)
  })

  test('discarding logs nothing', async ({ client, assert }) => {
    const team = await timeTeam('Discard')
    await runningSince(team, team.member.userId, DateTime.utc().minus({ hours: 2 }))
    ;(await client.delete('/api/timer').bearerToken(team.member.token)).assertStatus(204)
    assert.isNull((await client.get('/api/timer').bearerToken(team.member.token)).body().timer)
    assert.lengthOf(await entriesOf(team.member.userId), 0)
    assert.deepEqual(await timerAudit(team.member.userId), ['discarded'])
    // Nothing left to discard: still fine.
    ;(await client.delete('/api/timer').bearerToken(team.member.token)).assertStatus(204)
  })
})

test.group('Timer: the 12-hour limit', () => {
  test('the sweep stops a timer at 12 hours, logs exactly 12 hours and tells the person under the bell', async ({ assert }) => {
    const team = await timeTeam('Sweep')
    const startedAt = DateTime.utc().minus({ hours: 13 }).startOf('second')
    await runningSince(team, team.member.userId, startedAt)
    // Someone else's fresh timer is left alone.
    await runningSince(team, team.manager.userId, DateTime.utc().minus({ hours: 1 }))

    await new StopOverdueTimersJob().handle()

    assert.lengthOf(await owner().from('running_timers').where('user_id', team.member.userId), 0)
    assert.lengthOf(await owner().from('running_timers').where('user_id', team.manager.userId), 1)
    const rows = await entriesOf(team.member.userId)
    assert.isAtLeast(rows.length, 1)
    assert.equal(
      rows.reduce((sum, row) => sum + row.duration_seconds, 0),
      12 * H
    )
    assert.equal(DateTime.fromJSDate(rows.at(-1).ended_at).toMillis(), startedAt.plus({ hours: 12 }).toMillis())
    const notes = await owner().from('notifications').where('user_id', team.member.userId)
    assert.lengthOf(notes, 1)
    assert.equal(notes[0].title, 'Your timer was stopped at 12 hours')
    assert.match(notes[0].body, /12:00 was logged/)
    assert.deepEqual(await timerAudit(team.member.userId), ['stopped'])

    // A second sweep finds nothing more to do.
    await new StopOverdueTimersJob().handle()
    assert.lengthOf(await entriesOf(team.member.userId), rows.length)
    assert.lengthOf(await owner().from('notifications').where('user_id', team.member.userId), 1)
  })

  test('a 12-hour timer on a project completed meanwhile ends without entries, and the person is told why', async ({ assert }) => {
    const team = await timeTeam('Sweep completed')
    await runningSince(team, team.member.userId, DateTime.utc().minus({ hours: 14 }))
    await owner().from('projects').where('id', team.projectId).update({ status: 'completed' })

    await new StopOverdueTimersJob().handle()
    assert.lengthOf(await owner().from('running_timers').where('user_id', team.member.userId), 0)
    assert.lengthOf(await entriesOf(team.member.userId), 0)
    const [note] = await owner().from('notifications').where('user_id', team.member.userId)
    assert.equal(note.title, 'Your timer was stopped at 12 hours')
    assert.match(note.body, /could not be logged.*completed/)
  })

  test('reading a timer past 12 hours stops it there (and the bell tells the person, through the queue)', async ({ client, assert }) => {
    const team = await timeTeam('Lazy')
    const startedAt = DateTime.utc().minus({ hours: 12, minutes: 30 }).startOf('second')
    await runningSince(team, team.member.userId, startedAt)

    const read = await client.get('/api/timer').bearerToken(team.member.token)
    read.assertStatus(200)
    assert.isNull(read.body().timer)
    const logged = read.body().stoppedAtLimit.timeEntries
    assert.equal(
      logged.reduce((sum: number, entry: any) => sum + entry.duration, 0),
      12 * H
    )
    assert.equal(DateTime.fromISO(logged.at(-1).endedAt).toMillis(), startedAt.plus({ hours: 12 }).toMillis())

    const until = Date.now() + 10_000
    let notes: any[] = []
    while (Date.now() < until && notes.length === 0) {
      notes = await owner().from('notifications').where('user_id', team.member.userId)
      if (!notes.length) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    assert.lengthOf(notes, 1)
    assert.equal(notes[0].title, 'Your timer was stopped at 12 hours')
  }).timeout(20_000)

  test('the worker schedules the sweep every 5 minutes, once however often it is scheduled', async ({ assert, cleanup }) => {
    const queue = new Queue('default', { connection: app.config.get<any>('queue').defaultConnection })
    cleanup(() => queue.close())
    const mine = async () => (await queue.getRepeatableJobs()).filter((repeat) => repeat.name === StopOverdueTimersJob.jobName)
    // Put in place by the worker when it started (registerSchedule in time's jobs/index.ts)…
    assert.lengthOf(await mine(), 1)
    // …and scheduling again changes nothing.
    await scheduleTimerSweep()
    await scheduleTimerSweep()
    const schedules = await mine()
    assert.lengthOf(schedules, 1)
    assert.equal(Number(schedules[0].every), TIMER_SWEEP_EVERY_MS)
    assert.equal(TIMER_SWEEP_EVERY_MS, 5 * 60 * 1000)
  })
})

test.group('Timer: the header widget (session pages)', () => {
  test('every page carries the running timer (server-rendered); start, stop and discard redirect back with a message', async ({ client, assert }) => {
    const team = await timeTeam('Widget')
    const web = await new WebSession(client).login(team.member.email, PASSWORD)

    const idle = await web.get('/dashboard')
    assert.isNull((await web.page('/dashboard')).props.timer)
    assert.include(idle.text(), 'Start timer')

    const options = await web.get('/timer/options')
    options.assertStatus(200)
    assert.containsSubset(options.body().projects, [{ id: team.projectId, name: 'Widget project', billableByDefault: true }])

    const start = await web.send('post', '/timer/start', { projectId: team.projectId, description: 'Wireframes', billable: true }, '/projects')
    assert.equal(start.status(), 302)
    assert.equal(start.header('location'), '/projects')

    const page = await web.get('/dashboard')
    const props = (await web.page('/dashboard')).props
    assert.containsSubset(props.timer, { projectId: team.projectId, projectName: 'Widget project', description: 'Wireframes' })
    assert.include(page.text(), 'Stop timer')
    assert.include(page.text(), 'Widget project')

    const again = await web.send('post', '/timer/start', { projectId: team.projectId }, '/dashboard')
    assert.equal(again.header('location'), '/dashboard')
    assert.equal((await web.page('/dashboard')).props.flash.error, 'A timer is already running: stop it before starting another')

    await owner().from('running_timers').where('user_id', team.member.userId).update({ started_at: DateTime.utc().minus({ minutes: 45 }).toJSDate() })
    const stop = await web.send('post', '/timer/stop', {}, '/dashboard')
    assert.equal(stop.header('location'), '/dashboard')
    const after = await web.page('/dashboard')
    assert.match(after.props.flash.success, /^Timer stopped: 0:45 logged/)
    assert.isNull(after.props.timer)

    await web.send('post', '/timer/start', { projectId: team.projectId }, '/dashboard')
    await web.send('post', '/timer/discard', {}, '/dashboard')
    const discarded = await web.page('/dashboard')
    assert.equal(discarded.props.flash.success, 'Timer discarded: nothing was logged')
    assert.isNull(discarded.props.timer)
  })

  test('a project the person may not log on comes back as a field error on the form', async ({ client, assert }) => {
    const team = await timeTeam('Widget refused')
    const notMine = await addProject(team.agencyId, team.clientId, [{ userId: team.manager.userId }])
    const web = await new WebSession(client).login(team.member.email, PASSWORD)
    const refused = await web.send('post', '/timer/start', { projectId: notMine }, '/dashboard')
    assert.equal(refused.header('location'), '/dashboard')
    const page = await web.page('/dashboard')
    assert.equal(page.props.errors.projectId, 'Choose a project you are assigned to')
    assert.isNull(page.props.timer)
  })
})
