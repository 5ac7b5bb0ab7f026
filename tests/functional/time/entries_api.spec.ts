import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { parse } from 'csv-parse/sync'
import { withTenant } from '#core/public/tenancy'
import Task from '#projects/models/task'
import { createUser } from '#tests/helpers/factories'
import { addProject, logTime, timeTeam } from '#tests/helpers/time'

const owner = () => db.connection('owner')
const countEntries = async (agencyId: string) => Number((await owner().from('time_entries').where('agency_id', agencyId).count('* as n'))[0].n)

/** A day safely in the past, whatever the zone (the rules refuse future days). */
const PAST = '2026-01-14'

async function addTask(agencyId: string, projectId: string, title = 'Design') {
  return withTenant(agencyId, async () => (await Task.create({ projectId, title, status: 'todo', priority: 'medium', position: 0, visibleToClient: false })).id)
}

test.group('Time entries API: logging', () => {
  test('logs a duration and answers with the entry; duration text is read as people type it', async ({ client, assert }) => {
    const team = await timeTeam('Api log')
    const created = await client
      .post('/api/time-entries')
      .bearerToken(team.member.token)
      .json({ projectId: team.projectId, description: 'Wireframes', date: PAST, duration: 3600 })
    created.assertStatus(201)
    assert.containsSubset(created.body().timeEntry, {
      duration: 3600,
      date: PAST,
      description: 'Wireframes',
      billable: true,
      status: 'draft',
      userId: team.member.userId,
      projectName: 'Api log project',
      startedAt: null,
    })
    assert.isString(created.body().timeEntry.id)

    for (const [typed, seconds] of [['1:30', 5400], ['1.5h', 5400], ['90m', 5400], ['45', 2700], ['1.5', 5400], ['2h 15m', 8100]] as const) {
      const response = await client.post('/api/time-entries').bearerToken(team.member.token).json({ projectId: team.projectId, description: typed, date: PAST, duration: typed })
      response.assertStatus(201)
      assert.equal(response.body().timeEntry.duration, seconds, typed)
    }
  })

  test('start and end: the day is the agency-local day of the start; billable follows the project', async ({ client, assert }) => {
    const team = await timeTeam('Api timed', { timezone: 'America/Los_Angeles' })
    const internal = await addProject(team.agencyId, team.clientId, [{ userId: team.member.userId }], { billableByDefault: false, name: 'Internal' })
    const response = await client
      .post('/api/time-entries')
      .bearerToken(team.member.token)
      .json({ projectId: internal, description: 'Late call', startedAt: '2026-01-15T05:00:00Z', endedAt: '2026-01-15T06:30:00Z' })
    response.assertStatus(201)
    assert.containsSubset(response.body().timeEntry, { date: '2026-01-14', duration: 5400, billable: false, startedAt: '2026-01-15T05:00:00.000Z' })

    const explicit = await client
      .post('/api/time-entries')
      .bearerToken(team.member.token)
      .json({ projectId: internal, description: 'Billable after all', billable: true, date: PAST, duration: '0:30' })
    assert.isTrue(explicit.body().timeEntry.billable)
  })

  test('the user is always the signed-in person', async ({ client, assert }) => {
    const team = await timeTeam('Api self')
    const response = await client
      .post('/api/time-entries')
      .bearerToken(team.manager.token)
      .json({ projectId: team.projectId, description: 'For someone else?', date: PAST, duration: 600, userId: team.member.userId })
    response.assertStatus(201)
    assert.equal(response.body().timeEntry.userId, team.manager.userId)
  })

  test('bad input is a 422 naming the field, and writes nothing', async ({ client, assert }) => {
    const team = await timeTeam('Api garbage')
    const base = { projectId: team.projectId, description: 'x', date: PAST, duration: 600 }
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, projectId: 123 }, 'projectId'],
      [{ ...base, projectId: 'not-a-uuid' }, 'projectId'],
      [{ ...base, projectId: undefined }, 'projectId'],
      [{ ...base, taskId: 'nope' }, 'taskId'],
      [{ ...base, description: 'x'.repeat(5000) }, 'description'],
      [{ ...base, description: 'nul\u0000byte' }, 'description'],
      [{ ...base, description: ['array'] }, 'description'],
      [{ ...base, date: '2026-02-30' }, 'date'],
      [{ ...base, date: '14/01/2026' }, 'date'],
      [{ ...base, date: 20260114 }, 'date'],
      [{ ...base, duration: 'soon' }, 'duration'],
      [{ ...base, duration: 'x'.repeat(100_000) }, 'duration'],
      [{ ...base, duration: 1.5 }, 'duration'],
      [{ ...base, duration: { hours: 1 } }, 'duration'],
      [{ ...base, duration: undefined }, 'duration'],
      [{ ...base, duration: 0 }, 'duration'],
      [{ ...base, duration: -60 }, 'duration'],
      [{ ...base, duration: 1e20 }, 'duration'],
      [{ ...base, billable: 'maybe' }, 'billable'],
      [{ ...base, duration: undefined, date: undefined, startedAt: 'yesterday 9am', endedAt: '2026-01-14T10:00:00Z' }, 'startedAt'],
      [{ ...base, duration: undefined, date: undefined, startedAt: '2026-01-14T09:00:00', endedAt: '2026-01-14T10:00:00Z' }, 'startedAt'],
      [{ ...base, duration: undefined, date: undefined, startedAt: '2026-01-14T09:00:00Z' }, 'endedAt'],
      [{ ...base, duration: undefined, date: undefined, startedAt: '2026-01-14T10:00:00Z', endedAt: '2026-01-14T09:00:00Z' }, 'endedAt'],
      [{ ...base, date: '2026-01-13', duration: undefined, startedAt: '2026-01-14T09:00:00Z', endedAt: '2026-01-14T10:00:00Z' }, 'date'],
    ]
    for (const [body, field] of cases) {
      const response = await client.post('/api/time-entries').bearerToken(team.member.token).json(body)
      assert.equal(response.status(), 422, `${JSON.stringify(body).slice(0, 120)} → ${response.status()} ${response.text().slice(0, 200)}`)
      assert.include(
        response.body().errors.map((error: { field: string }) => error.field),
        field,
        JSON.stringify(body).slice(0, 120)
      )
      assert.properties(response.body().errors[0], ['field', 'message', 'rule'])
    }
    assert.equal(await countEntries(team.agencyId), 0)
  })
})

test.group('Time entries API: the rules', () => {
  test('a day that is today in the agency zone but tomorrow in UTC is accepted', async ({ client, assert }) => {
    // Kiritimati is UTC+14: from 10:00 UTC on, its today is UTC's tomorrow.
    const team = await timeTeam('Api ahead', { timezone: 'Pacific/Kiritimati' })
    const agencyToday = DateTime.utc().setZone('Pacific/Kiritimati').toISODate()!
    const response = await client.post('/api/time-entries').bearerToken(team.member.token).json({ projectId: team.projectId, description: 'Early', date: agencyToday, duration: 600 })
    response.assertStatus(201)
    if (DateTime.utc().hour >= 10) assert.isTrue(agencyToday > DateTime.utc().toISODate()!, 'the accepted day is tomorrow in UTC')

    const tomorrow = DateTime.fromISO(agencyToday).plus({ days: 1 }).toISODate()!
    const refused = await client.post('/api/time-entries').bearerToken(team.member.token).json({ projectId: team.projectId, description: 'Later', date: tomorrow, duration: 600 })
    refused.assertStatus(422)
    assert.containsSubset(refused.body().errors, [{ field: 'date', rule: 'future' }])
  })

  test('a day that is today in UTC but tomorrow in the agency zone is refused', async ({ client, assert }) => {
    // Etc/GMT+12 is UTC−12: before 12:00 UTC, UTC's today is its tomorrow.
    const team = await timeTeam('Api behind', { timezone: 'Etc/GMT+12' })
    const utcToday = DateTime.utc().toISODate()!
    const agencyToday = DateTime.utc().setZone('Etc/GMT+12').toISODate()!
    const day = utcToday > agencyToday ? utcToday : DateTime.fromISO(agencyToday).plus({ days: 1 }).toISODate()!
    const refused = await client.post('/api/time-entries').bearerToken(team.member.token).json({ projectId: team.projectId, description: 'Too soon', date: day, duration: 600 })
    refused.assertStatus(422)
    assert.containsSubset(refused.body().errors, [{ field: 'date', rule: 'future' }])
    ;(await client.post('/api/time-entries').bearerToken(team.member.token).json({ projectId: team.projectId, description: 'Today', date: agencyToday, duration: 600 })).assertStatus(201)
  })

  test('an end in the future is refused', async ({ client, assert }) => {
    const team = await timeTeam('Api future end')
    const start = DateTime.utc().minus({ minutes: 5 }).startOf('second')
    const response = await client
      .post('/api/time-entries')
      .bearerToken(team.member.token)
      .json({ projectId: team.projectId, description: 'Ahead', startedAt: start.toISO(), endedAt: start.plus({ hours: 1 }).toISO() })
    response.assertStatus(422)
    assert.containsSubset(response.body().errors, [{ field: 'endedAt', rule: 'future' }])
  })

  test('exactly 12 h is accepted; 12 h 1 s is refused', async ({ client, assert }) => {
    const team = await timeTeam('Api twelve')
    const post = (body: Record<string, unknown>) => client.post('/api/time-entries').bearerToken(team.member.token).json({ projectId: team.projectId, description: 'Long', ...body })
    ;(await post({ date: '2026-01-05', duration: 43200 })).assertStatus(201)
    ;(await post({ date: '2026-01-06', duration: '12:00' })).assertStatus(201)
    const over = await post({ date: '2026-01-07', duration: 43201 })
    over.assertStatus(422)
    assert.containsSubset(over.body().errors, [{ field: 'duration', rule: 'max' }])
    ;(await post({ startedAt: '2026-01-08T06:00:00Z', endedAt: '2026-01-08T18:00:00Z' })).assertStatus(201)
    const overTimed = await post({ startedAt: '2026-01-09T06:00:00Z', endedAt: '2026-01-09T18:00:01Z' })
    overTimed.assertStatus(422)
    assert.containsSubset(overTimed.body().errors, [{ field: 'endedAt', rule: 'max' }])
  })

  test('touching entries are accepted; one second of overlap is refused', async ({ client, assert }) => {
    const team = await timeTeam('Api overlap')
    const post = (startedAt: string, endedAt: string) =>
      client.post('/api/time-entries').bearerToken(team.member.token).json({ projectId: team.projectId, description: 'Block', startedAt, endedAt })
    ;(await post('2026-01-14T09:00:00Z', '2026-01-14T10:00:00Z')).assertStatus(201)
    ;(await post('2026-01-14T10:00:00Z', '2026-01-14T11:00:00Z')).assertStatus(201)
    ;(await post('2026-01-14T08:00:00Z', '2026-01-14T09:00:00Z')).assertStatus(201)
    const overlap = await post('2026-01-14T10:59:59Z', '2026-01-14T12:00:00Z')
    overlap.assertStatus(422)
    assert.containsSubset(overlap.body().errors, [{ field: 'startedAt', rule: 'overlap' }])
    const inside = await post('2026-01-14T07:59:00Z', '2026-01-14T08:00:01Z')
    inside.assertStatus(422)
    assert.equal(await countEntries(team.agencyId), 3)
  })

  test('only assigned, open projects and their own tasks take time', async ({ client, assert }) => {
    const team = await timeTeam('Api targets')
    const notMine = await addProject(team.agencyId, team.clientId, [{ userId: team.manager.userId, role: 'manager' }], { name: 'Not mine' })
    const done = await addProject(team.agencyId, team.clientId, [{ userId: team.member.userId }], { name: 'Shipped', status: 'completed' })
    const other = await addProject(team.agencyId, team.clientId, [{ userId: team.member.userId }], { name: 'Other' })
    const otherTask = await addTask(team.agencyId, other, 'Other task')
    const ownTask = await addTask(team.agencyId, team.projectId, 'Own task')
    const post = (body: Record<string, unknown>) => client.post('/api/time-entries').bearerToken(team.member.token).json({ description: 'x', date: PAST, duration: 600, ...body })

    const unassigned = await post({ projectId: notMine })
    unassigned.assertStatus(422)
    assert.containsSubset(unassigned.body().errors, [{ field: 'projectId', rule: 'assigned' }])

    const completed = await post({ projectId: done })
    completed.assertStatus(422)
    assert.containsSubset(completed.body().errors, [{ field: 'projectId', rule: 'completed' }])

    const wrongTask = await post({ projectId: team.projectId, taskId: otherTask })
    wrongTask.assertStatus(422)
    assert.containsSubset(wrongTask.body().errors, [{ field: 'taskId' }])

    const withTask = await post({ projectId: team.projectId, taskId: ownTask })
    withTask.assertStatus(201)
    assert.containsSubset(withTask.body().timeEntry, { taskId: ownTask, taskTitle: 'Own task' })
    assert.equal(await countEntries(team.agencyId), 1)
  })

  test("another agency's project id is a 422 and nothing is written anywhere", async ({ client, assert }) => {
    const mine = await timeTeam('Api tenant A')
    const theirs = await timeTeam('Api tenant B')
    const response = await client.post('/api/time-entries').bearerToken(mine.member.token).json({ projectId: theirs.projectId, description: 'Sneaky', date: PAST, duration: 600 })
    response.assertStatus(422)
    assert.containsSubset(response.body().errors, [{ field: 'projectId' }])
    assert.equal(await countEntries(mine.agencyId), 0)
    assert.equal(await countEntries(theirs.agencyId), 0)
  })
})

test.group('Time entries API: reading, editing, deleting', () => {
  test('edit and delete drafts; submitted time is a 409 and stays as it was', async ({ client, assert }) => {
    const team = await timeTeam('Api edit')
    const id = await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: PAST, seconds: 3600, description: 'Draft' })

    const edited = await client.patch(`/api/time-entries/${id}`).bearerToken(team.member.token).json({ description: 'Edited', duration: '2h', billable: false })
    edited.assertStatus(200)
    assert.containsSubset(edited.body().timeEntry, { id, description: 'Edited', duration: 7200, billable: false, date: PAST })

    const timed = await client.patch(`/api/time-entries/${id}`).bearerToken(team.member.token).json({ startedAt: '2026-01-14T09:00:00Z', endedAt: '2026-01-14T09:45:00Z' })
    assert.containsSubset(timed.body().timeEntry, { duration: 2700, startedAt: '2026-01-14T09:00:00.000Z' })
    const tooLong = await client.patch(`/api/time-entries/${id}`).bearerToken(team.member.token).json({ duration: 43201 })
    tooLong.assertStatus(422)
    assert.equal(tooLong.body().errors[0].field, 'duration')

    await owner().from('time_entries').where('id', id).update({ status: 'submitted', submitted_at: new Date() })
    const locked = await client.patch(`/api/time-entries/${id}`).bearerToken(team.member.token).json({ description: 'Sneaky' })
    locked.assertStatus(409)
    const undeletable = await client.delete(`/api/time-entries/${id}`).bearerToken(team.member.token)
    undeletable.assertStatus(409)
    const row = await owner().from('time_entries').where('id', id).firstOrFail()
    assert.equal(row.description, 'Edited')

    const draft = await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: '2026-01-15', seconds: 600 })
    ;(await client.delete(`/api/time-entries/${draft}`).bearerToken(team.member.token)).assertStatus(204)
    assert.isNull(await owner().from('time_entries').where('id', draft).first())
    ;(await client.get(`/api/time-entries/${draft}`).bearerToken(team.member.token)).assertStatus(404)
  })

  test("another person's entry is a 404 for a member, read-only for their manager; a non-UUID id is a 404", async ({ client, assert }) => {
    const team = await timeTeam('Api others')
    const colleague = await createUser(team.agencyId, 'member')
    await addProject(team.agencyId, team.clientId, [{ userId: colleague.userId }])
    const id = await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: PAST, seconds: 600, description: 'Mine' })

    for (const request of [
      client.get(`/api/time-entries/${id}`),
      client.patch(`/api/time-entries/${id}`).json({ description: 'Taken' }),
      client.delete(`/api/time-entries/${id}`),
    ]) {
      const response = await request.bearerToken(colleague.token)
      response.assertStatus(404)
    }
    for (const bad of ['not-a-uuid', '1', "1' or '1'='1"]) {
      ;(await client.get(`/api/time-entries/${encodeURIComponent(bad)}`).bearerToken(team.member.token)).assertStatus(404)
      ;(await client.patch(`/api/time-entries/${encodeURIComponent(bad)}`).bearerToken(team.member.token).json({})).assertStatus(404)
    }

    const read = await client.get(`/api/time-entries/${id}`).bearerToken(team.manager.token)
    read.assertStatus(200)
    assert.equal(read.body().timeEntry.description, 'Mine')
    const change = await client.patch(`/api/time-entries/${id}`).bearerToken(team.manager.token).json({ description: 'Managed' })
    change.assertStatus(403)
    ;(await client.delete(`/api/time-entries/${id}`).bearerToken(team.owner.token)).assertStatus(403)
    assert.equal((await owner().from('time_entries').where('id', id).firstOrFail()).description, 'Mine')
  })

  test('the list is your own time by default; managers may ask for their people; filters narrow', async ({ client, assert }) => {
    const team = await timeTeam('Api list')
    const second = await addProject(team.agencyId, team.clientId, [{ userId: team.member.userId }], { name: 'Second' })
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: '2026-01-10', seconds: 600 })
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: second, date: '2026-01-12', seconds: 1200 })
    await logTime(team.agencyId, team.manager.userId, 'manager', { projectId: team.projectId, date: '2026-01-12', seconds: 1800 })

    const mine = await client.get('/api/time-entries').bearerToken(team.member.token)
    mine.assertStatus(200)
    assert.equal(mine.body().total, 2)
    assert.deepEqual(mine.body().timeEntries.map((e: any) => e.date), ['2026-01-12', '2026-01-10'])

    const filtered = await client.get('/api/time-entries').qs({ from: '2026-01-11', to: '2026-01-31', projectId: second }).bearerToken(team.member.token)
    assert.deepEqual(filtered.body().timeEntries.map((e: any) => [e.duration, e.projectName]), [[1200, 'Second']])

    const peek = await client.get('/api/time-entries').qs({ userId: team.manager.userId }).bearerToken(team.member.token)
    assert.equal(peek.body().total, 0)

    const managed = await client.get('/api/time-entries').qs({ userId: team.member.userId }).bearerToken(team.manager.token)
    // The manager manages the first project only: the member's time on the second stays private.
    assert.deepEqual(managed.body().timeEntries.map((e: any) => e.duration), [600])

    const everyone = await client.get('/api/time-entries').qs({ userId: team.member.userId }).bearerToken(team.owner.token)
    assert.equal(everyone.body().total, 2)

    const bad = await client.get('/api/time-entries').qs({ from: '2026-13-01', page: 'x' }).bearerToken(team.member.token)
    bad.assertStatus(422)
    assert.includeMembers(bad.body().errors.map((e: any) => e.field), ['from', 'page'])
  })
})

test.group('Time entries API: CSV export', () => {
  test('members export their own time; the owner everyone’s; filters narrow and never widen', async ({ client, assert }) => {
    const team = await timeTeam('Api csv')
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: '2026-01-12', seconds: 5400, description: '=HYPERLINK("http://evil")' })
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, startedAt: '2026-01-13T09:00:00Z', endedAt: '2026-01-13T09:20:00Z', description: 'Call' })
    await logTime(team.agencyId, team.manager.userId, 'manager', { projectId: team.projectId, date: '2026-01-12', seconds: 1, description: 'Manager', billable: false })

    const memberCsv = await client.get('/api/time-entries/export.csv').bearerToken(team.member.token)
    memberCsv.assertStatus(200)
    assert.include(memberCsv.header('content-type'), 'text/csv')
    assert.include(memberCsv.header('content-disposition'), 'attachment')
    const rows = parse(memberCsv.text(), { columns: true }) as Array<Record<string, string>>
    assert.lengthOf(rows, 2)
    assert.deepEqual(Object.keys(rows[0]), [
      'date', 'member', 'email', 'project', 'client', 'task', 'description', 'start', 'end', 'hours', 'duration_seconds',
      'billable', 'status', 'invoiced', 'billable_rate', 'cost_rate', 'currency',
    ])
    assert.containsSubset(rows[0], {
      date: '2026-01-12',
      email: team.member.email,
      project: 'Api csv project',
      client: 'Api csv client',
      description: `'=HYPERLINK("http://evil")`,
      hours: '1.50',
      duration_seconds: '5400',
      billable: 'yes',
      status: 'draft',
      invoiced: 'no',
      billable_rate: '150.00',
      cost_rate: '40.00',
      currency: 'USD',
      start: '',
    })
    assert.containsSubset(rows[1], { hours: '0.33', start: '2026-01-13T09:00:00Z', end: '2026-01-13T09:20:00Z' })

    const widened = await client.get('/api/time-entries/export.csv').qs({ userId: team.manager.userId }).bearerToken(team.member.token)
    assert.lengthOf(parse(widened.text(), { columns: true }), 0)

    const all = parse((await client.get('/api/time-entries/export.csv').bearerToken(team.owner.token)).text(), { columns: true }) as Array<Record<string, string>>
    assert.lengthOf(all, 3)
    assert.containsSubset(all.find((row) => row.description === 'Manager'), { hours: '0.00', duration_seconds: '1', billable: 'no', cost_rate: '60.00' })

    const narrowed = parse((await client.get('/api/time-entries/export.csv').qs({ from: '2026-01-13', to: '2026-01-13' }).bearerToken(team.owner.token)).text(), {
      columns: true,
    })
    assert.lengthOf(narrowed, 1)

    const other = await timeTeam('Api csv other')
    const foreign = parse((await client.get('/api/time-entries/export.csv').bearerToken(other.owner.token)).text(), { columns: true })
    assert.lengthOf(foreign, 0)
  })
})
