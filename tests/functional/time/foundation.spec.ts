import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { logTime, timeTeam } from '#tests/helpers/time'

test.group('Time: logging rules (foundation)', () => {
  test('an entry freezes the rates that resolve for the person on the project', async ({ assert }) => {
    const team = await timeTeam('Freeze')
    const id = await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: '2026-11-20', seconds: 5400 })
    const row = await db.connection('owner').from('time_entries').where('id', id).firstOrFail()
    assert.include(row, { duration_seconds: 5400, billable_rate_cents: 15000, cost_rate_cents: 4000, status: 'draft', billable: true, currency: 'USD' })
  })

  test('overlapping timed entries are refused on startedAt; touching ones are fine', async ({ assert }) => {
    const team = await timeTeam('Overlap')
    const who = [team.agencyId, team.member.userId, 'member'] as const
    await logTime(...who, { projectId: team.projectId, startedAt: '2026-11-20T09:00:00Z', endedAt: '2026-11-20T10:00:00Z' })
    await logTime(...who, { projectId: team.projectId, startedAt: '2026-11-20T10:00:00Z', endedAt: '2026-11-20T11:00:00Z' })
    const error = await logTime(...who, { projectId: team.projectId, startedAt: '2026-11-20T10:59:59Z', endedAt: '2026-11-20T11:30:00Z' }).catch((e) => e)
    assert.equal(error.messages?.[0]?.field, 'startedAt')
    assert.equal(error.messages?.[0]?.rule, 'overlap')
  })
})
