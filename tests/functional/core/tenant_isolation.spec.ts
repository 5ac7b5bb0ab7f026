import { test } from '@japa/runner'
import { createAgency, createUser, PASSWORD } from '#tests/helpers/factories'
import { WebSession } from '#tests/helpers/web_session'

test.group('Two agencies, through pages and the API', () => {
  test('each sees only its own users, settings, tokens and audit entries', async ({ client, assert }) => {
    const a = await createAgency('Alpha')
    const b = await createAgency('Bravo')
    const aMember = await createUser(a.agencyId, 'member')
    const bMember = await createUser(b.agencyId, 'member')
    // A change each, so both audit logs hold settings entries.
    ;(await client.patch('/api/agency').bearerToken(a.token).json({ invoicePrefix: 'ALPHA-' })).assertStatus(200)
    ;(await client.patch('/api/agency').bearerToken(b.token).json({ invoicePrefix: 'BRAVO-' })).assertStatus(200)

    for (const [mine, theirs, myMember, theirMember] of [
      [a, b, aMember, bMember],
      [b, a, bMember, aMember],
    ] as const) {
      // API
      const users = (await client.get('/api/users').bearerToken(mine.token)).body().users.map((u: any) => u.id)
      assert.sameMembers(users, [mine.userId, myMember.userId])
      const agency = (await client.get('/api/agency').bearerToken(mine.token)).body().agency
      assert.equal(agency.id, mine.agencyId)
      const audit = (await client.get('/api/audit-log').bearerToken(mine.token)).body()
      assert.isAbove(audit.total, 0)
      const auditText = JSON.stringify(audit.entries)
      assert.notInclude(auditText, theirs.agencyId)
      assert.notInclude(auditText, theirMember.userId)
      assert.notInclude(auditText, mine === a ? 'BRAVO-' : 'ALPHA-')

      // Pages
      const web = await new WebSession(client).login(mine.email, PASSWORD)
      const team = await web.page('/settings/team')
      assert.sameMembers(team.props.users.map((u: any) => u.id), [mine.userId, myMember.userId])
      assert.equal((await web.page('/settings/agency')).props.agency.id, mine.agencyId)
      const tokens = (await web.page('/settings/tokens')).props.tokens
      assert.lengthOf(tokens, 1)
      const auditPage = await web.page('/settings/audit')
      assert.equal(auditPage.props.total, audit.total)
      assert.notInclude(JSON.stringify(auditPage.props.entries), theirs.agencyId)
    }
  })

  test('only owners read the audit log', async ({ client, assert }) => {
    const a = await createAgency('Owners')
    const manager = await createUser(a.agencyId, 'manager')
    ;(await client.get('/api/audit-log').bearerToken(manager.token)).assertStatus(403)
    const web = await new WebSession(client).login(manager.email, PASSWORD)
    assert.equal((await web.get('/settings/audit')).status(), 403)
    ;(await client.get('/api/audit-log?page=0').bearerToken(a.token)).assertStatus(422)
  })
})
