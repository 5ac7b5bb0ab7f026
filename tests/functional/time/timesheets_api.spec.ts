import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { tenancy, withTenant } from '#core/public/tenancy'
import TimeEntry from '#time/models/time_entry'
import { EditTimeEntry } from '#time/actions/edit_time_entry'
import TimesheetNotificationJob from '#time/jobs/timesheet_notification_job'
import { unbilledEntries } from '#time/public/time_service'
import { asRuntimeRole } from '#tests/helpers/runtime_role'
import { createUser } from '#tests/helpers/factories'
import { addProject, logTime, timeTeam } from '#tests/helpers/time'

/** A past week (Monday) and two of its days. */
const WEEK = '2026-11-16'
const TUESDAY = '2026-11-17'
const FRIDAY = '2026-11-20'

const owner = () => db.connection('owner')

async function notificationsOf(userId: string) {
  return owner().from('notifications').where('user_id', userId).orderBy('created_at')
}

/** The worker runs in its own process: wait until it has written what we expect. */
async function waitForNotification(userId: string, kind: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const found = (await notificationsOf(userId)).find((row) => row.kind === kind)
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
  throw new Error(`No ${kind} notification for ${userId}`)
}

async function auditOf(entityId: string) {
  return owner().from('audit_logs').where('entity_id', entityId).orderBy('created_at').orderBy('id')
}

/** The member logged 1:30 on Tuesday and 2:00 (not billable) on Friday of WEEK. */
async function memberWeek(name: string, options: { requireTimeApproval?: boolean } = {}) {
  const team = await timeTeam(name, options)
  const who = [team.agencyId, team.member.userId, 'member'] as const
  const tuesday = await logTime(...who, { projectId: team.projectId, date: TUESDAY, seconds: 5400 })
  const friday = await logTime(...who, { projectId: team.projectId, date: FRIDAY, seconds: 7200, billable: false })
  return { ...team, tuesday, friday }
}

test.group('Timesheets API', () => {
  test('a member reads their week with entries and totals; submitting locks every entry', async ({ client, assert }) => {
    const team = await memberWeek('Submit')
    const week = await client.get(`/api/timesheets?week=${FRIDAY}`).bearerToken(team.member.token)
    week.assertStatus(200)
    assert.containsSubset(week.body().timesheet, {
      id: null,
      weekStart: WEEK,
      weekEnd: '2026-11-22',
      status: 'draft',
      locked: false,
      totals: { seconds: 12600, billableSeconds: 5400 },
    })
    assert.equal(week.body().timesheet.totals.byDay[TUESDAY], 5400)
    assert.lengthOf(week.body().timesheet.entries, 2)
    assert.equal(week.body().timesheet.entries[0].projectName, 'Submit project')

    const submitted = await client.post('/api/timesheets/submit').bearerToken(team.member.token).json({ week: TUESDAY })
    submitted.assertStatus(200)
    assert.containsSubset(submitted.body().timesheet, { weekStart: WEEK, status: 'submitted', locked: true })
    assert.isString(submitted.body().timesheet.id)
    assert.deepEqual(
      submitted.body().timesheet.entries.map((entry: any) => [entry.status, entry.locked]),
      [
        ['submitted', true],
        ['submitted', true],
      ]
    )

    // Submitting again is a conflict; so is changing its time through the action.
    const again = await client.post('/api/timesheets/submit').bearerToken(team.member.token).json({ week: WEEK })
    again.assertStatus(409)
    assert.match(again.body().errors[0].message, /already submitted/)
    const editError = await tenancy
      .run(
        async () => new EditTimeEntry().handle((await TimeEntry.findOrFail(team.tuesday))!, { durationSeconds: 60 }),
        { agencyId: team.agencyId, userId: team.member.userId, role: 'member' }
      )
      .catch((error) => error)
    assert.equal(editError.status, 409)
    // … and through the entries API, when it exists (another part of the Time module).
    const patch = await client.patch(`/api/time-entries/${team.tuesday}`).bearerToken(team.member.token).json({ duration: 60 })
    const remove = await client.delete(`/api/time-entries/${team.tuesday}`).bearerToken(team.member.token)
    if (patch.status() !== 404 || remove.status() !== 404 || (patch.body()?.errors?.[0]?.message ?? '') !== 'Not found') {
      assert.include([409, 422], patch.status())
      assert.include([409, 422], remove.status())
    }
    const row = await owner().from('time_entries').where('id', team.tuesday).first()
    assert.equal(row.duration_seconds, 5400)

    // New time in the submitted week is refused with a clear error.
    const late = await client
      .post('/api/time-entries')
      .bearerToken(team.member.token)
      .json({ projectId: team.projectId, date: '2026-11-18', duration: 3600, description: 'Late' })
    if (late.status() !== 404) {
      assert.include([409, 422], late.status())
    }
    const error = await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: '2026-11-18', seconds: 3600 }).catch((e) => e)
    assert.equal(error.messages?.[0]?.rule, 'locked')
    assert.lengthOf(await owner().from('time_entries').where('user_id', team.member.userId), 2)
  }).timeout(30_000)

  test('an empty week is a 422; a bad week a 422', async ({ client, assert }) => {
    const team = await timeTeam('Empty')
    const empty = await client.post('/api/timesheets/submit').bearerToken(team.member.token).json({ week: WEEK })
    empty.assertStatus(422)
    assert.containsSubset(empty.body().errors[0], { field: 'week', rule: 'empty' })
    const bad = await client.post('/api/timesheets/submit').bearerToken(team.member.token).json({ week: '2026-02-30' })
    bad.assertStatus(422)
    assert.equal(bad.body().errors[0].field, 'week')
    assert.lengthOf(await owner().from('timesheets').where('user_id', team.member.userId), 0)
  })

  test('the manager of the project approves; managers are told of the submission and the member of the approval', async ({ client, assert }) => {
    const team = await memberWeek('Approve')
    const submitted = (await client.post('/api/timesheets/submit').bearerToken(team.member.token).json({ week: WEEK })).body().timesheet
    const told = await waitForNotification(team.manager.userId, 'time.week_submitted')
    assert.match(told.title, /submitted the week of 16 Nov 2026/)
    assert.equal(told.href, '/time/approvals')

    const pending = await client.get('/api/timesheets/pending').bearerToken(team.manager.token)
    pending.assertStatus(200)
    assert.lengthOf(pending.body().timesheets, 1)
    assert.containsSubset(pending.body().timesheets[0], {
      id: submitted.id,
      weekStart: WEEK,
      seconds: 12600,
      billableSeconds: 5400,
      person: { id: team.member.userId },
      projects: [{ projectId: team.projectId, projectName: 'Approve project', seconds: 12600, billableSeconds: 5400 }],
    })
    assert.lengthOf(pending.body().timesheets[0].entries, 2)

    const approved = await client.post(`/api/timesheets/${submitted.id}/approve`).bearerToken(team.manager.token)
    approved.assertStatus(200)
    assert.containsSubset(approved.body().timesheet, { id: submitted.id, status: 'approved', decidedByUserId: team.manager.userId, locked: true })
    const rows = await owner().from('time_entries').where('user_id', team.member.userId)
    assert.deepEqual(
      rows.map((row) => [row.status, row.approved_by_user_id]),
      [
        ['approved', team.manager.userId],
        ['approved', team.manager.userId],
      ]
    )
    const note = await waitForNotification(team.member.userId, 'time.week_approved')
    assert.equal(note.title, 'Your week of 16 Nov 2026 was approved')
    assert.equal(note.href, `/time/week?week=${WEEK}`)

    // Audit: the week's submission and approval, and each entry's moves, with before and after.
    const sheetAudit = await auditOf(submitted.id)
    assert.deepEqual(
      sheetAudit.map((row) => [row.action, row.before?.status, row.after?.status]),
      [
        ['submitted', 'draft', 'submitted'],
        ['approved', 'submitted', 'approved'],
      ]
    )
    const entryAudit = await auditOf(team.tuesday)
    assert.deepEqual(
      entryAudit.map((row) => [row.action, row.before?.status ?? null, row.after?.status]),
      [
        ['created', null, 'draft'],
        ['submitted', 'draft', 'submitted'],
        ['approved', 'submitted', 'approved'],
      ]
    )
    assert.equal(entryAudit[2].actor_id, team.manager.userId)

    // Approved is final: no second decision, and the queue is empty.
    ;(await client.post(`/api/timesheets/${submitted.id}/approve`).bearerToken(team.manager.token)).assertStatus(409)
    assert.lengthOf((await client.get('/api/timesheets/pending').bearerToken(team.manager.token)).body().timesheets, 0)
  }).timeout(40_000)

  test('a manager of another project cannot decide the week; the member cannot approve their own; members get 403 on the queue', async ({ client, assert }) => {
    const team = await memberWeek('Others')
    const stranger = await createUser(team.agencyId, 'manager')
    await addProject(team.agencyId, team.clientId, [{ userId: stranger.userId, role: 'manager' }])
    const sheet = (await client.post('/api/timesheets/submit').bearerToken(team.member.token).json({ week: WEEK })).body().timesheet

    const foreign = await client.post(`/api/timesheets/${sheet.id}/approve`).bearerToken(stranger.token)
    foreign.assertStatus(404)
    ;(await client.post(`/api/timesheets/${sheet.id}/reject`).bearerToken(stranger.token).json({ reason: 'No' })).assertStatus(404)
    assert.lengthOf((await client.get('/api/timesheets/pending').bearerToken(stranger.token)).body().timesheets, 0)

    const self = await client.post(`/api/timesheets/${sheet.id}/approve`).bearerToken(team.member.token)
    self.assertStatus(403)
    ;(await client.get('/api/timesheets/pending').bearerToken(team.member.token)).assertStatus(403)

    // The database agrees: as the member, the entries cannot be approved.
    await asRuntimeRole({ agencyId: team.agencyId, userId: team.member.userId, role: 'member' }, async (trx) => {
      const error = await trx.rawQuery(`update time_entries set status = 'approved' where id = ?`, [team.tuesday]).catch((e: any) => e)
      assert.equal(error.code, '42501')
    })
    const rows = await owner().from('time_entries').where('user_id', team.member.userId)
    assert.deepEqual([...new Set(rows.map((row) => row.status))], ['submitted'])
    assert.equal((await owner().from('timesheets').where('id', sheet.id).first()).status, 'submitted')
  }).timeout(30_000)

  test('a rejection needs a reason, sends the time back as drafts and reopens the week', async ({ client, assert }) => {
    const team = await memberWeek('Reject')
    const sheet = (await client.post('/api/timesheets/submit').bearerToken(team.member.token).json({ week: WEEK })).body().timesheet

    const noReason = await client.post(`/api/timesheets/${sheet.id}/reject`).bearerToken(team.manager.token).json({ reason: '  ' })
    noReason.assertStatus(422)
    assert.equal(noReason.body().errors[0].field, 'reason')
    assert.equal((await owner().from('timesheets').where('id', sheet.id).first()).status, 'submitted')

    const rejected = await client.post(`/api/timesheets/${sheet.id}/reject`).bearerToken(team.owner.token).json({ reason: 'Friday belongs to the other project' })
    rejected.assertStatus(200)
    assert.containsSubset(rejected.body().timesheet, { status: 'rejected', rejectionReason: 'Friday belongs to the other project', locked: false })

    const note = await waitForNotification(team.member.userId, 'time.week_rejected')
    assert.equal(note.title, 'Your week of 16 Nov 2026 was rejected')
    assert.equal(note.body, 'Reason: Friday belongs to the other project')

    // Editable again: the member changes Friday and logs more, then resubmits.
    const week = (await client.get(`/api/timesheets?week=${WEEK}`).bearerToken(team.member.token)).body().timesheet
    assert.containsSubset(week, { status: 'rejected', rejectionReason: 'Friday belongs to the other project', locked: false })
    assert.deepEqual([...new Set(week.entries.map((entry: any) => entry.status))], ['draft'])
    await tenancy.run(async () => new EditTimeEntry().handle((await TimeEntry.findOrFail(team.friday))!, { durationSeconds: 3600 }), {
      agencyId: team.agencyId,
      userId: team.member.userId,
      role: 'member',
    })
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: '2026-11-18', seconds: 1800 })
    const again = await client.post('/api/timesheets/submit').bearerToken(team.member.token).json({ week: WEEK })
    again.assertStatus(200)
    assert.containsSubset(again.body().timesheet, { id: sheet.id, status: 'submitted', rejectionReason: null, totals: { seconds: 5400 + 3600 + 1800 } })

    const audit = await auditOf(sheet.id)
    assert.deepEqual(
      audit.map((row) => row.action),
      ['submitted', 'rejected', 'submitted']
    )
    assert.equal(audit[1].after.rejectionReason, 'Friday belongs to the other project')
    assert.equal(audit[1].actor_id, team.owner.userId)
  }).timeout(40_000)

  test('with two managed projects, each manager approves their share; the week is approved once nothing waits', async ({ client, assert }) => {
    const team = await memberWeek('Shared')
    const other = await createUser(team.agencyId, 'manager')
    const second = await addProject(team.agencyId, team.clientId, [
      { userId: other.userId, role: 'manager' },
      { userId: team.member.userId },
    ])
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: second, date: '2026-11-19', seconds: 3600 })
    const sheet = (await client.post('/api/timesheets/submit').bearerToken(team.member.token).json({ week: WEEK })).body().timesheet

    const mine = (await client.get('/api/timesheets/pending').bearerToken(other.token)).body().timesheets
    assert.lengthOf(mine, 1)
    assert.equal(mine[0].seconds, 3600)
    assert.deepEqual(mine[0].projects.map((project: any) => project.projectId), [second])

    const first = await client.post(`/api/timesheets/${sheet.id}/approve`).bearerToken(team.manager.token)
    first.assertStatus(200)
    assert.equal(first.body().timesheet.status, 'submitted', 'the other project’s time still waits')
    const partial = await waitForNotification(team.member.userId, 'time.week_approved')
    assert.equal(partial.title, 'Your time on Shared project in the week of 16 Nov 2026 was approved')
    ;(await client.post(`/api/timesheets/${sheet.id}/approve`).bearerToken(team.manager.token)).assertStatus(409)

    const last = await client.post(`/api/timesheets/${sheet.id}/approve`).bearerToken(other.token)
    last.assertStatus(200)
    assert.equal(last.body().timesheet.status, 'approved')
    const statuses = await owner().from('time_entries').where('user_id', team.member.userId).select('status')
    assert.deepEqual([...new Set(statuses.map((row) => row.status))], ['approved'])
  }).timeout(40_000)

  test('the notification job, run directly, tells the member why the week was rejected', async ({ assert }) => {
    const team = await memberWeek('Direct')
    await new TimesheetNotificationJob().handle({
      agencyId: team.agencyId,
      event: 'rejected',
      timesheetId: team.tuesday,
      userId: team.member.userId,
      weekStart: WEEK,
      projectIds: [team.projectId],
      reason: 'Missing descriptions',
    })
    const [note] = await notificationsOf(team.member.userId)
    assert.containsSubset(note, { kind: 'time.week_rejected', body: 'Reason: Missing descriptions' })
  })

  test('without required approval, submitting is optional: drafts bill, and a week can still be submitted', async ({ client, assert }) => {
    const team = await memberWeek('Optional', { requireTimeApproval: false })
    const billable = await withTenant(team.agencyId, () => unbilledEntries({ projectIds: [team.projectId], from: WEEK, to: '2026-11-22' }))
    assert.deepEqual(
      billable.map((entry) => entry.id),
      [team.tuesday]
    )
    const submitted = await client.post('/api/timesheets/submit').bearerToken(team.member.token).json({ week: WEEK })
    submitted.assertStatus(200)
    assert.equal(submitted.body().timesheet.status, 'submitted')
  })
})
