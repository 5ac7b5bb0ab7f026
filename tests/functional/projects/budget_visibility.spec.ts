import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { logTime, timeTeam } from '#tests/helpers/time'

test.group('Projects list: who sees budget burn', () => {
  test('burn comes from all the project’s time for the owner and its manager; members see none rather than their own share', async ({ client, assert }) => {
    const team = await timeTeam('Burn visibility')
    await db.connection('owner').from('projects').where('id', team.projectId).update({ budget_seconds: 10 * 3600 })
    await logTime(team.agencyId, team.manager.userId, 'manager', { projectId: team.projectId, date: '2026-11-16', seconds: 4 * 3600 })
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: '2026-11-16', seconds: 2 * 3600 })

    const burnFor = async (token: string) => {
      const response = await client.get('/api/projects').bearerToken(token)
      response.assertStatus(200)
      return response.body().projects.find((project: { id: string }) => project.id === team.projectId).burnPercent
    }
    assert.equal(await burnFor(team.owner.token), 60)
    assert.equal(await burnFor(team.manager.token), 60)
    assert.isNull(await burnFor(team.member.token))
  })
})
