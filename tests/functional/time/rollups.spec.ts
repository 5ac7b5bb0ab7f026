import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { asRuntimeRole } from '#tests/helpers/runtime_role'
import { addProject, logTime, timeTeam } from '#tests/helpers/time'

const KEY = 'project_id, user_id, day'

/** The rollups of an agency, and the same figures aggregated afresh from its entries (as the schema owner). */
async function rollupsAndTruth(agencyId: string) {
  const owner = db.connection('owner')
  const { rows: rollups } = await owner.rawQuery(
    `select ${KEY}, seconds::text, billable_seconds::text, cost_numerator::text, billable_value_numerator::text, entries
       from time_daily_rollups where agency_id = ? order by ${KEY}`,
    [agencyId]
  )
  const { rows: truth } = await owner.rawQuery(
    `select project_id, user_id, entry_date as day,
            sum(duration_seconds)::text as seconds,
            coalesce(sum(duration_seconds) filter (where billable), 0)::text as billable_seconds,
            sum(duration_seconds::bigint * coalesce(cost_rate_cents, 0))::text as cost_numerator,
            coalesce(sum(duration_seconds::bigint * coalesce(billable_rate_cents, 0)) filter (where billable), 0)::text as billable_value_numerator,
            count(*)::int as entries
       from time_entries where agency_id = ? group by 1, 2, 3 order by ${KEY}`,
    [agencyId]
  )
  return { rollups, truth }
}

test.group('Time daily rollups', () => {
  test('insert, edit, move between days, projects and people, delete: the rollups equal a fresh aggregate', async ({ assert }) => {
    const team = await timeTeam('Rollups')
    const second = await addProject(team.agencyId, team.clientId, [{ userId: team.member.userId }, { userId: team.manager.userId, role: 'manager' }])
    const owner = db.connection('owner')
    const check = async (step: string) => {
      const { rollups, truth } = await rollupsAndTruth(team.agencyId)
      assert.deepEqual(rollups, truth, step)
      return rollups
    }

    // Through the real action (runtime role, the member's context).
    const a = await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: '2026-11-02', seconds: 3601 })
    const b = await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: '2026-11-02', seconds: 1799, billable: false })
    const c = await logTime(team.agencyId, team.manager.userId, 'manager', { projectId: second, date: '2026-11-03', seconds: 900 })
    let rollups = await check('after inserts')
    assert.lengthOf(rollups, 2)
    const memberDay = rollups.find((row: any) => row.user_id === team.member.userId)
    assert.equal(memberDay.seconds, '5400')
    assert.equal(memberDay.billable_seconds, '3601')
    assert.equal(memberDay.entries, 2)

    // A multi-row insert in one statement (as the bench does).
    await owner.table('time_entries').multiInsert(
      [1, 2, 3].map((n) => ({
        agency_id: team.agencyId, user_id: team.member.userId, project_id: second, entry_date: `2026-11-0${n}`,
        duration_seconds: 600 * n, billable: n !== 2, billable_rate_cents: 12345, cost_rate_cents: 3333, currency: 'USD',
      }))
    )
    await check('after a multi-row insert')

    await owner.from('time_entries').where('id', a).update({ duration_seconds: 7777 })
    await check('after editing a duration')
    await owner.from('time_entries').where('id', a).update({ entry_date: '2026-11-05' })
    await check('after moving to another day')
    await owner.from('time_entries').where('id', b).update({ project_id: second })
    await check('after moving to another project')
    await owner.from('time_entries').where('id', c).update({ user_id: team.member.userId, project_id: team.projectId })
    await check('after moving to another person')
    await owner.from('time_entries').where('agency_id', team.agencyId).update({ cost_rate_cents: 4999, billable: true })
    await check('after a bulk update')
    await owner.from('time_entries').where('id', b).delete()
    await check('after a delete')
    rollups = await check('')
    assert.isTrue(rollups.every((row: any) => row.entries > 0), 'no empty keys remain')
    await owner.from('time_entries').where('agency_id', team.agencyId).delete()
    rollups = await check('after deleting everything')
    assert.lengthOf(rollups, 0)
  })

  test('rollups are read under the entries’ rules, and only the trigger writes them', async ({ assert }) => {
    const team = await timeTeam('Rollup RLS')
    const other = await timeTeam('Rollup RLS other')
    const second = await addProject(team.agencyId, team.clientId, [{ userId: team.member.userId }])
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: '2026-11-02', seconds: 600 })
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: second, date: '2026-11-02', seconds: 700 })
    await logTime(team.agencyId, team.manager.userId, 'manager', { projectId: team.projectId, date: '2026-11-02', seconds: 800 })
    await logTime(other.agencyId, other.member.userId, 'member', { projectId: other.projectId, date: '2026-11-02', seconds: 900 })

    const seen = (context: any) =>
      asRuntimeRole(context, async (trx) => (await trx.rawQuery('select seconds::int from time_daily_rollups order by seconds')).rows.map((r: any) => r.seconds))
    assert.deepEqual(await seen({ agencyId: team.agencyId, userId: team.owner.userId, role: 'owner' }), [600, 700, 800])
    assert.deepEqual(await seen({ agencyId: team.agencyId, userId: team.member.userId, role: 'member' }), [600, 700])
    // The manager: their own time and the project they manage, not the member's time on the other project.
    assert.deepEqual(await seen({ agencyId: team.agencyId, userId: team.manager.userId, role: 'manager' }), [600, 800])
    assert.deepEqual(await seen({ agencyId: other.agencyId, userId: other.owner.userId, role: 'owner' }), [900])
    assert.deepEqual(await seen(null), [])

    const write = await asRuntimeRole({ agencyId: team.agencyId, userId: team.owner.userId, role: 'owner' }, async (trx) => {
      try {
        await trx.rawQuery('update time_daily_rollups set seconds = 1')
        return 'written'
      } catch (error: any) {
        return error.code
      }
    })
    assert.equal(write, '42501')
  })
})
