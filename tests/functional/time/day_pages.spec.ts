import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { parse } from 'csv-parse/sync'
import { withTenant } from '#core/public/tenancy'
import Task from '#projects/models/task'
import { PASSWORD } from '#tests/helpers/factories'
import { addProject, logTime, timeTeam } from '#tests/helpers/time'
import { WebSession } from '#tests/helpers/web_session'

const owner = () => db.connection('owner')
const DAY = '2026-01-14'

test.group('Time pages: the day view', () => {
  test('renders today (agency-local) with the projects the form offers, and an empty state', async ({ client, assert }) => {
    const team = await timeTeam('Day page', { timezone: 'Pacific/Auckland' })
    await withTenant(team.agencyId, async () => {
      await Task.create({ projectId: team.projectId, title: 'Homepage', status: 'todo', priority: 'medium', position: 0, visibleToClient: false })
    })
    await addProject(team.agencyId, team.clientId, [{ userId: team.member.userId }], { name: 'Internal', billableByDefault: false })
    await addProject(team.agencyId, team.clientId, [{ userId: team.member.userId }], { name: 'Finished', status: 'completed' })
    const web = await new WebSession(client).login(team.member.email, PASSWORD)

    const response = await web.get('/time')
    response.assertStatus(200)
    assert.include(response.text(), 'Log time')
    assert.include(response.text(), 'No time logged on this day')
    const page = (await web.page('/time'))
    assert.equal(page.component, 'time/day')
    const today = DateTime.utc().setZone('Pacific/Auckland').toISODate()!
    assert.containsSubset(page.props, { date: today, today, nextDate: null, timezone: 'Pacific/Auckland', entries: [], totalSeconds: 0 })
    assert.deepEqual(
      page.props.projects.map((p: any) => [p.name, p.billableByDefault, p.tasks.map((t: any) => t.title)]),
      [['Day page project', true, ['Homepage']], ['Internal', false, []]]
    )

    const past = await web.page(`/time?date=${DAY}`)
    assert.containsSubset(past.props, { date: DAY, previousDate: '2026-01-13', nextDate: '2026-01-15' })
    ;(await web.get('/time?date=2026-02-30')).assertStatus(302)
  })

  test('the form logs time (duration or start–end); errors land on the fields; edits and deletes redirect back', async ({ client, assert }) => {
    const team = await timeTeam('Day form')
    const web = await new WebSession(client).login(team.member.email, PASSWORD)
    const from = `/time?date=${DAY}`

    const logged = await web.send('post', '/time/entries', { projectId: team.projectId, taskId: '', date: DAY, duration: '1:30', description: 'Wireframes', billable: true }, from)
    logged.assertStatus(302)
    assert.equal(logged.header('location'), from)
    const timed = await web.send('post', '/time/entries', { projectId: team.projectId, date: DAY, startTime: '09:00', endTime: '10:15', description: 'Standup', billable: false }, from)
    assert.equal(timed.header('location'), from)

    const page = await web.page(from)
    assert.equal(page.props.totalSeconds, 5400 + 4500)
    assert.equal(page.props.billableSeconds, 5400)
    assert.deepEqual(
      page.props.entries.map((e: any) => [e.description, e.duration, e.startedAt && new Date(e.startedAt).toISOString(), e.status]),
      [['Standup', 4500, '2026-01-14T09:00:00.000Z', 'draft'], ['Wireframes', 5400, null, 'draft']]
    )
    assert.include((await web.get(from)).text(), 'Wireframes')

    const overlap = await web.send('post', '/time/entries', { projectId: team.projectId, date: DAY, startTime: '10:00', endTime: '11:00', description: 'Clash' }, from)
    overlap.assertStatus(302)
    const withErrors = await web.page(from)
    assert.match(withErrors.props.errors.startTime, /Overlaps your entry 09:00–10:15/)

    await web.send('post', '/time/entries', { projectId: team.projectId, date: DAY, duration: 'a while' }, from)
    assert.property((await web.page(from)).props.errors, 'duration')

    const wireframes = page.props.entries[1]
    ;(await web.send('put', `/time/entries/${wireframes.id}`, { projectId: team.projectId, date: DAY, duration: '2h', description: 'Wireframes v2', billable: true }, from)).assertStatus(302)
    const row = await owner().from('time_entries').where('id', wireframes.id).firstOrFail()
    assert.include(row, { duration_seconds: 7200, description: 'Wireframes v2' })

    await owner().from('time_entries').where('id', wireframes.id).update({ status: 'submitted', submitted_at: new Date() })
    const locked = await web.send('delete', `/time/entries/${wireframes.id}`, {}, from)
    assert.equal(locked.header('location'), from)
    assert.match((await web.page(from)).props.flash.error, /submitted/)
    assert.isNotNull(await owner().from('time_entries').where('id', wireframes.id).first())

    const standup = page.props.entries[0]
    ;(await web.send('delete', `/time/entries/${standup.id}`, {}, from)).assertStatus(302)
    assert.isNull(await owner().from('time_entries').where('id', standup.id).first())
  })

  test('someone else’s entry cannot be changed from the page', async ({ client, assert }) => {
    const team = await timeTeam('Day others')
    const id = await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: DAY, seconds: 600, description: 'Mine' })
    const manager = await new WebSession(client).login(team.manager.email, PASSWORD)
    assert.equal((await manager.send('put', `/time/entries/${id}`, { description: 'Changed' }, '/time')).status(), 403)
    assert.equal((await manager.send('delete', `/time/entries/${id}`, {}, '/time')).status(), 403)
    assert.equal((await owner().from('time_entries').where('id', id).firstOrFail()).description, 'Mine')
  })
})

test.group('Time pages: My time and the export', () => {
  test('My time sums own hours per day, week and project, billable apart', async ({ client, assert }) => {
    const team = await timeTeam('Mine page')
    const internal = await addProject(team.agencyId, team.clientId, [{ userId: team.member.userId }], { name: 'Internal', billableByDefault: false })
    const who = [team.agencyId, team.member.userId, 'member'] as const
    await logTime(...who, { projectId: team.projectId, date: '2026-01-12', seconds: 3600 })
    await logTime(...who, { projectId: team.projectId, date: '2026-01-13', seconds: 1800 })
    await logTime(...who, { projectId: internal, date: '2026-01-19', seconds: 900 })
    await logTime(team.agencyId, team.manager.userId, 'manager', { projectId: team.projectId, date: '2026-01-12', seconds: 7200 })
    const web = await new WebSession(client).login(team.member.email, PASSWORD)

    const page = await web.page('/time/mine?from=2026-01-12&to=2026-01-25')
    assert.equal(page.component, 'time/mine')
    const report = page.props.report
    assert.deepInclude(report.totals, { billableSeconds: 5400, nonBillableSeconds: 900, entries: 3 })
    assert.lengthOf(report.days, 14)
    assert.deepInclude(report.days[0], { date: '2026-01-12', billableSeconds: 3600, nonBillableSeconds: 0 })
    assert.deepEqual(
      report.weeks.map((w: any) => [w.weekStart, w.billableSeconds, w.nonBillableSeconds]),
      [['2026-01-12', 5400, 0], ['2026-01-19', 0, 900]]
    )
    assert.deepEqual(
      report.projects.map((p: any) => [p.projectName, p.billableSeconds, p.nonBillableSeconds]),
      [['Mine page project', 5400, 0], ['Internal', 0, 900]]
    )
    assert.include((await web.get('/time/mine?from=2026-01-12&to=2026-01-25')).text(), 'Per project')

    const month = await web.page('/time/mine')
    const today = DateTime.utc().toISODate()!
    assert.equal(month.props.report.from, `${today.slice(0, 7)}-01`)
    assert.equal(month.props.report.to.slice(0, 7), today.slice(0, 7))

    ;(await web.get('/time/mine?from=2026-02-01&to=2026-01-01')).assertStatus(302)
  })

  test('the page export is the member’s own time only; the owner’s is everyone’s', async ({ client, assert }) => {
    const team = await timeTeam('Page csv')
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: DAY, seconds: 3600, description: '@SUM(A1)' })
    await logTime(team.agencyId, team.manager.userId, 'manager', { projectId: team.projectId, date: DAY, seconds: 1800 })

    const member = await new WebSession(client).login(team.member.email, PASSWORD)
    const mine = await member.get(`/time/export.csv?from=${DAY}&to=${DAY}`)
    mine.assertStatus(200)
    const rows = parse(mine.text(), { columns: true }) as Array<Record<string, string>>
    assert.deepEqual(rows.map((r) => [r.email, r.hours, r.description]), [[team.member.email, '1.00', "'@SUM(A1)"]])
    const widened = await member.get(`/time/export.csv?userId=${team.manager.userId}`)
    assert.lengthOf(parse(widened.text(), { columns: true }), 0)

    const ownerSession = await new WebSession(client).login(team.owner.email, PASSWORD)
    const all = parse((await ownerSession.get('/time/export.csv')).text(), { columns: true }) as Array<Record<string, string>>
    assert.sameMembers(all.map((r) => r.email), [team.member.email, team.manager.email])
  })
})
