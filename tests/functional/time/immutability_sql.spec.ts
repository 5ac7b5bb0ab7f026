import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { tenancy } from '#core/public/tenancy'
import SubmitWeek from '#time/actions/submit_week'
import { ApproveWeek, RejectWeek } from '#time/actions/decide_week'
import { asRuntimeRole, type SqlContext } from '#tests/helpers/runtime_role'
import { logTime, timeTeam } from '#tests/helpers/time'

/** Two past weeks: the first gets submitted, the second approved. */
const SUBMITTED_WEEK = '2026-11-16'
const APPROVED_WEEK = '2026-11-09'

/** One statement as the runtime role in its own (rolled back) transaction: its result, or the error it raised. */
async function attempt(context: SqlContext, sql: string, bindings: unknown[] = []): Promise<{ rowCount?: number; code?: string; message?: string }> {
  return asRuntimeRole(context, async (trx) => {
    try {
      const result = await trx.rawQuery(sql, bindings)
      return { rowCount: result.rowCount }
    } catch (error: any) {
      return { code: error.code, message: error.message }
    }
  })
}

async function lockedWeeks(name: string) {
  const team = await timeTeam(name)
  const who = [team.agencyId, team.member.userId, 'member'] as const
  const submitted = await logTime(...who, { projectId: team.projectId, date: '2026-11-17', seconds: 3600 })
  const approved = await logTime(...who, { projectId: team.projectId, date: '2026-11-10', seconds: 1800 })
  const draft = await logTime(...who, { projectId: team.projectId, date: '2026-11-03', seconds: 900 })
  const asMember = { agencyId: team.agencyId, userId: team.member.userId, role: 'member' as const }
  const asManager = { agencyId: team.agencyId, userId: team.manager.userId, role: 'manager' as const }
  await tenancy.run(() => new SubmitWeek().handle(team.member.userId, SUBMITTED_WEEK), asMember)
  const approvedSheet = await tenancy.run(() => new SubmitWeek().handle(team.member.userId, APPROVED_WEEK), asMember)
  await tenancy.run(() => new ApproveWeek().handle(approvedSheet.id, { id: team.manager.userId, role: 'manager' }), asManager)
  const contexts = {
    member: asMember,
    manager: asManager,
    owner: { agencyId: team.agencyId, userId: team.owner.userId, role: 'owner' },
  }
  return { ...team, ids: { submitted, approved, draft }, contexts }
}

const durationOf = async (id: string) => (await db.connection('owner').from('time_entries').where('id', id).first())?.duration_seconds

test.group('Time immutability in SQL (runtime role)', () => {
  test('nobody changes or deletes submitted or approved time, whatever their role', async ({ assert }) => {
    const { ids, contexts } = await lockedWeeks('Immutable')
    for (const [role, context] of Object.entries(contexts)) {
      for (const id of [ids.submitted, ids.approved]) {
        const update = await attempt(context, 'update time_entries set duration_seconds = 60 where id = ?', [id])
        assert.equal(update.code, 'TL409', `${role} updating ${id}`)
        assert.match(update.message!, /cannot be changed/)

        const removal = await attempt(context, 'delete from time_entries where id = ?', [id])
        if (role === 'manager') {
          // Managers have no delete policy at all: the row is simply out of reach.
          assert.equal(removal.rowCount, 0, `${role} deleting ${id}`)
        } else {
          assert.equal(removal.code, 'TL409', `${role} deleting ${id}`)
          assert.match(removal.message!, /cannot be deleted/)
        }
      }
    }
    assert.equal(await durationOf(ids.submitted), 3600)
    assert.equal(await durationOf(ids.approved), 1800)
  }).timeout(30_000)

  test('a member cannot approve their own time or week; a manager cannot edit a member’s draft', async ({ assert }) => {
    const { ids, contexts, agencyId, member } = await lockedWeeks('Self')
    const approveOwn = await attempt(contexts.member, `update time_entries set status = 'approved' where id = ?`, [ids.submitted])
    assert.equal(approveOwn.code, '42501')
    const skipAhead = await attempt(contexts.member, `update time_entries set status = 'approved' where id = ?`, [ids.draft])
    assert.equal(skipAhead.code, 'TL409')
    const ownWeek = await attempt(contexts.member, `update timesheets set status = 'approved' where user_id = ? and week_start = ?`, [member.userId, SUBMITTED_WEEK])
    assert.equal(ownWeek.code, '42501')
    const managerEdit = await attempt(contexts.manager, 'update time_entries set duration_seconds = 60 where id = ?', [ids.draft])
    assert.equal(managerEdit.code, '42501')
    assert.equal(await durationOf(ids.draft), 900)
    // The owner may not move time backwards from approved either.
    const unapprove = await attempt(contexts.owner, `update time_entries set status = 'draft' where id = ?`, [ids.approved])
    assert.equal(unapprove.code, 'TL409')
    const rows = await db.connection('owner').from('time_entries').where('agency_id', agencyId).orderBy('entry_date')
    assert.deepEqual(
      rows.map((row) => row.status),
      ['draft', 'approved', 'submitted']
    )
  }).timeout(30_000)

  test('nothing is inserted or moved into a submitted week; a rejected week accepts edits again', async ({ assert }) => {
    const team = await lockedWeeks('Reopen')
    const insert = `insert into time_entries (agency_id, user_id, project_id, entry_date, duration_seconds, billable, currency)
                    values (?, ?, ?, ?, 600, true, 'USD')`
    const into = await attempt(team.contexts.member, insert, [team.agencyId, team.member.userId, team.projectId, '2026-11-18'])
    assert.equal(into.code, 'TL409')
    assert.match(into.message!, /submitted for approval/)
    const moved = await attempt(team.contexts.member, `update time_entries set entry_date = '2026-11-18' where id = ?`, [team.ids.draft])
    assert.equal(moved.code, 'TL409')
    const approvedWeek = await attempt(team.contexts.member, insert, [team.agencyId, team.member.userId, team.projectId, '2026-11-11'])
    assert.equal(approvedWeek.code, 'TL409')

    const sheet = await db.connection('owner').from('timesheets').where('user_id', team.member.userId).where('week_start', SUBMITTED_WEEK).firstOrFail()
    await tenancy.run(() => new RejectWeek().handle(sheet.id, { id: team.manager.userId, role: 'manager' }, 'Wrong project'), team.contexts.manager)

    const edit = await attempt(team.contexts.member, 'update time_entries set duration_seconds = 60 where id = ?', [team.ids.submitted])
    assert.equal(edit.rowCount, 1)
    const added = await attempt(team.contexts.member, insert, [team.agencyId, team.member.userId, team.projectId, '2026-11-18'])
    assert.equal(added.rowCount, 1)
    const removed = await attempt(team.contexts.member, 'delete from time_entries where id = ?', [team.ids.submitted])
    assert.equal(removed.rowCount, 1)
  }).timeout(30_000)
})
