import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { PASSWORD } from '#tests/helpers/factories'
import { logTime, timeTeam } from '#tests/helpers/time'
import { pageOf, WebSession } from '#tests/helpers/web_session'

const WEEK = '2026-11-16'
const owner = () => db.connection('owner')

test.group('Week and approvals pages', () => {
  test('the week view renders the grid with row, day and week totals, and the draft status', async ({ client, assert }) => {
    const team = await timeTeam('Grid')
    const who = [team.agencyId, team.member.userId, 'member'] as const
    await logTime(...who, { projectId: team.projectId, date: '2026-11-17', seconds: 3600 })
    await logTime(...who, { projectId: team.projectId, date: '2026-11-17', seconds: 1800, description: 'Second' })
    await logTime(...who, { projectId: team.projectId, date: '2026-11-19', seconds: 5400 })
    await logTime(...who, { projectId: team.projectId, date: '2026-11-10', seconds: 600 })

    const web = await new WebSession(client).login(team.member.email, PASSWORD)
    const response = await web.get(`/time/week?week=2026-11-18`)
    response.assertStatus(200)
    // Server-rendered: the grid is in the HTML, not only in the page object.
    assert.include(response.text(), 'Grid project')
    assert.include(response.text(), 'Submit week')
    const page = pageOf(response.text())
    assert.equal(page.component, 'time/week')
    assert.containsSubset(page.props.timesheet, { weekStart: WEEK, status: 'draft', locked: false, totals: { seconds: 10800 } })
    assert.deepEqual(page.props.grid.days, ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'])
    assert.lengthOf(page.props.grid.rows, 1)
    const [row] = page.props.grid.rows
    assert.containsSubset(row, { projectId: team.projectId, projectName: 'Grid project', seconds: 10800 })
    // Two entries on Tuesday: the sum, read-only, changed in the day view; Thursday's one plain entry is typed into.
    assert.containsSubset(row.cells[1], { seconds: 5400, count: 2, inDayView: true, editable: false, entryId: null })
    assert.containsSubset(row.cells[3], { seconds: 5400, count: 1, inDayView: false, editable: true })
    assert.containsSubset(row.cells[0], { seconds: 0, count: 0, editable: true })
    assert.include(response.text(), '/time?date=2026-11-17')
    assert.deepEqual(
      page.props.grid.lastWeekRows.map((option: any) => option.projectId),
      [team.projectId]
    )
    assert.equal(page.props.previousWeek, '2026-11-09')
    assert.equal(page.props.nextWeek, '2026-11-23')
    assert.isTrue(page.props.approvalRequired)
  }).timeout(30_000)

  test('typing into a cell logs, changes and clears a plain entry; a bad duration is a field error', async ({ client, assert }) => {
    const team = await timeTeam('Cells')
    const web = await new WebSession(client).login(team.member.email, PASSWORD)
    const from = `/time/week?week=${WEEK}`
    await web.get(from)
    const cell = { projectId: team.projectId, taskId: null, date: '2026-11-18' }

    ;(await web.put('/time/week/cells', { ...cell, duration: '1:30' }, from)).assertStatus(302)
    let rows = await owner().from('time_entries').where('user_id', team.member.userId)
    assert.deepEqual(rows.map((row) => [row.duration_seconds, row.started_at, row.status]), [[5400, null, 'draft']])

    await web.put('/time/week/cells', { ...cell, duration: '2h' }, from)
    rows = await owner().from('time_entries').where('user_id', team.member.userId)
    assert.deepEqual(rows.map((row) => row.duration_seconds), [7200])

    const bad = await web.put('/time/week/cells', { ...cell, duration: 'soon' }, from)
    assert.equal(bad.header('location'), from)
    const page = await web.page(from)
    assert.equal(page.props.errors.duration, 'Type a duration like 1:30, 1.5h or 90m')

    await web.put('/time/week/cells', { ...cell, duration: '' }, from)
    assert.lengthOf(await owner().from('time_entries').where('user_id', team.member.userId), 0)
  }).timeout(30_000)

  test('submitting from the page locks the week; the manager approves from the approvals page', async ({ client, assert }) => {
    const team = await timeTeam('Pages')
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: '2026-11-17', seconds: 3600, billable: false })
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: '2026-11-18', seconds: 7200 })

    const member = await new WebSession(client).login(team.member.email, PASSWORD)
    const submitted = await member.post('/time/week/submit', { week: WEEK })
    submitted.assertStatus(302)
    assert.equal(submitted.header('location'), `/time/week?week=${WEEK}`)
    const week = await member.page(`/time/week?week=${WEEK}`)
    assert.equal(week.props.flash.success, 'Week of 16 Nov 2026 submitted for approval')
    assert.containsSubset(week.props.timesheet, { status: 'submitted', locked: true })
    assert.isTrue(week.props.grid.rows[0].cells.every((cell: any) => cell.editable === false))

    // A locked week refuses typed time with a message.
    await member.put('/time/week/cells', { projectId: team.projectId, date: '2026-11-19', duration: '1:00' }, `/time/week?week=${WEEK}`)
    const after = await member.page(`/time/week?week=${WEEK}`)
    assert.match(after.props.errors.date, /submitted/)
    assert.lengthOf(await owner().from('time_entries').where('user_id', team.member.userId), 2)

    // Members have no approvals page.
    ;(await member.get('/time/approvals')).assertStatus(403)

    const manager = await new WebSession(client).login(team.manager.email, PASSWORD)
    const response = await manager.get('/time/approvals')
    response.assertStatus(200)
    assert.include(response.text(), 'member person')
    const approvals = pageOf(response.text())
    assert.equal(approvals.component, 'time/approvals')
    assert.lengthOf(approvals.props.timesheets, 1)
    const sheet = approvals.props.timesheets[0]
    assert.containsSubset(sheet, {
      weekStart: WEEK,
      seconds: 10800,
      billableSeconds: 7200,
      person: { id: team.member.userId, name: 'member person' },
      projects: [{ projectName: 'Pages project', seconds: 10800, billableSeconds: 7200 }],
    })

    // Rejecting without a reason is refused; approving works.
    await manager.send('post', `/time/approvals/${sheet.id}/reject`, { reason: '' }, '/time/approvals')
    assert.equal((await manager.page('/time/approvals')).props.errors.reason !== undefined, true)
    const approved = await manager.send('post', `/time/approvals/${sheet.id}/approve`, {}, '/time/approvals')
    assert.equal(approved.header('location'), '/time/approvals')
    const empty = await manager.get('/time/approvals')
    assert.include(empty.text(), 'Nothing waits for approval')
    assert.equal(pageOf(empty.text()).props.flash.success, 'Week of 16 Nov 2026 approved')
    assert.equal((await owner().from('timesheets').where('id', sheet.id).first()).status, 'approved')

    const final = await member.page(`/time/week?week=${WEEK}`)
    assert.equal(final.props.timesheet.status, 'approved')
  }).timeout(40_000)

  test('a rejected week shows the reason and is editable again', async ({ client, assert }) => {
    const team = await timeTeam('Rejected page')
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: '2026-11-17', seconds: 3600 })
    const member = await new WebSession(client).login(team.member.email, PASSWORD)
    await member.post('/time/week/submit', { week: WEEK })
    const sheet = await owner().from('timesheets').where('user_id', team.member.userId).firstOrFail()
    const manager = await new WebSession(client).login(team.manager.email, PASSWORD)
    await manager.send('post', `/time/approvals/${sheet.id}/reject`, { reason: 'Add descriptions, please' }, '/time/approvals')

    const response = await member.get(`/time/week?week=${WEEK}`)
    assert.include(response.text(), 'Add descriptions, please')
    const page = pageOf(response.text())
    assert.containsSubset(page.props.timesheet, { status: 'rejected', rejectionReason: 'Add descriptions, please', locked: false })
    assert.isTrue(page.props.grid.rows[0].cells[1].editable)
    await member.put('/time/week/cells', { projectId: team.projectId, date: '2026-11-17', duration: '2:00' }, `/time/week?week=${WEEK}`)
    const entry = await owner().from('time_entries').where('user_id', team.member.userId).firstOrFail()
    assert.equal(entry.duration_seconds, 7200)
  }).timeout(30_000)
})
