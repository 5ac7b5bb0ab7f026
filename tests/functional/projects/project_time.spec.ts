import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { withTenant } from '#core/public/tenancy'
import { dailySpendFor, registerSpendSource, unregisterSpendSource } from '#projects/public/spend'
import { createUser, PASSWORD } from '#tests/helpers/factories'
import { logTime, timeTeam } from '#tests/helpers/time'
import { WebSession } from '#tests/helpers/web_session'

const HOUR = 3600
const owner = () => db.connection('owner')
/** Days in the agency's zone (timeTeam's agencies work in UTC); 8 days ago is always an earlier week. */
const today = () => DateTime.utc().toISODate()!
const daysAgo = (days: number) => DateTime.utc().minus({ days }).toISODate()!

/**
 * The team of `timeTeam()` (manager cost 60.00/h, member 40.00/h on the
 * project) with a 10-hour budget and some time: the member 1 h (not
 * billable) 8 days ago and 2 h today, the manager 3 h today.
 */
async function projectWithTime(name: string) {
  const team = await timeTeam(name)
  await owner().from('projects').where('id', team.projectId).update({ budget_seconds: 10 * HOUR, budget_cents: 100_000 })
  const old = daysAgo(8)
  await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: old, seconds: HOUR, billable: false, description: 'Kick-off notes' })
  await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: today(), seconds: 2 * HOUR, description: 'Header component' })
  await logTime(team.agencyId, team.manager.userId, 'manager', { projectId: team.projectId, date: today(), seconds: 3 * HOUR, description: 'Client call' })
  return { ...team, old }
}

test.group('Projects: billable by default', () => {
  test('the API creates, reads and patches billableByDefault; new time takes it as its default', async ({ client, assert }) => {
    const team = await timeTeam('Billable')
    const created = await client.post('/api/projects').bearerToken(team.owner.token).json({ clientId: team.clientId, name: 'Internal tooling', billableByDefault: false })
    created.assertStatus(201)
    assert.isFalse(created.body().project.billableByDefault)
    const plain = await client.post('/api/projects').bearerToken(team.owner.token).json({ clientId: team.clientId, name: 'Client work' })
    assert.isTrue(plain.body().project.billableByDefault)

    const shown = await client.get(`/api/projects/${team.projectId}`).bearerToken(team.manager.token)
    assert.isTrue(shown.body().project.billableByDefault)
    const patched = await client.patch(`/api/projects/${team.projectId}`).bearerToken(team.manager.token).json({ billableByDefault: false })
    patched.assertStatus(200)
    assert.isFalse(patched.body().project.billableByDefault)
    assert.isFalse((await client.get(`/api/projects/${team.projectId}`).bearerToken(team.owner.token)).body().project.billableByDefault)
    const audit = await owner().from('audit_logs').where({ entity_id: team.projectId, action: 'updated' }).first()
    assert.equal(audit.before.billableByDefault, true)
    assert.equal(audit.after.billableByDefault, false)

    // Time logged without saying follows the project; saying so still wins.
    const unsaid = await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: today(), seconds: 600 })
    const said = await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: today(), seconds: 600, billable: true })
    assert.isFalse((await owner().from('time_entries').where('id', unsaid).first()).billable)
    assert.isTrue((await owner().from('time_entries').where('id', said).first()).billable)
  })

  test('bad input is a 422 on the field; members cannot change it', async ({ client, assert }) => {
    const team = await timeTeam('Billable bad')
    const bad = await client.patch(`/api/projects/${team.projectId}`).bearerToken(team.owner.token).json({ billableByDefault: 'maybe' })
    bad.assertStatus(422)
    assert.equal(bad.body().errors[0].field, 'billableByDefault')
    ;(await client.patch(`/api/projects/${team.projectId}`).bearerToken(team.member.token).json({ billableByDefault: false })).assertStatus(403)
    assert.isTrue((await owner().from('projects').where('id', team.projectId).first()).billable_by_default)
  })

  test('the create form and the settings tab save the checkbox', async ({ client, assert }) => {
    const team = await timeTeam('Billable form')
    const web = await new WebSession(client).login(team.manager.email, PASSWORD)
    const created = await web.post('/projects', { clientId: team.clientId, name: 'Pro bono', billableByDefault: false })
    const location = created.headers().location as string
    const overview = await web.page(location)
    assert.isFalse(overview.props.project.billableByDefault)

    const settingsUrl = `${location}/settings`
    assert.isFalse((await web.page(settingsUrl)).props.project.billableByDefault)
    await web.put(location, { name: 'Pro bono', billableByDefault: true }, settingsUrl)
    assert.isTrue((await web.page(settingsUrl)).props.project.billableByDefault)
  })
})

test.group('Projects: budget burn over time', () => {
  test('the overview gives the owner and managers cumulative spend per day from logged time', async ({ client, assert }) => {
    const team = await projectWithTime('Burn chart')
    const expected = [
      { date: team.old, spentCents: 4_000, spentSeconds: HOUR, cumulativeCents: 4_000, cumulativeSeconds: HOUR },
      // 2 h × 40.00 + 3 h × 60.00
      { date: today(), spentCents: 26_000, spentSeconds: 5 * HOUR, cumulativeCents: 30_000, cumulativeSeconds: 6 * HOUR },
    ]
    for (const who of [team.owner, team.manager]) {
      const web = await new WebSession(client).login(who.email, PASSWORD)
      const page = await web.page(`/projects/${team.projectId}`)
      assert.isTrue(page.props.can.seeSpend)
      assert.deepEqual(page.props.burn, expected)
      assert.containsSubset(page.props.budget, { spentCents: 30_000, spentSeconds: 6 * HOUR, burnPercent: 60 })
    }
  })

  test('members are not shown spend (RLS would count only their own time)', async ({ client, assert }) => {
    const team = await projectWithTime('Burn member')
    const web = await new WebSession(client).login(team.member.email, PASSWORD)
    const page = await web.page(`/projects/${team.projectId}`)
    assert.isFalse(page.props.can.seeSpend)
    assert.isNull(page.props.budget)
    assert.deepEqual(page.props.burn, [])
  })

  test('a project without time has an empty burn', async ({ client, assert }) => {
    const team = await timeTeam('Burn empty')
    const web = await new WebSession(client).login(team.owner.email, PASSWORD)
    const page = await web.page(`/projects/${team.projectId}`)
    assert.deepEqual(page.props.burn, [])
    assert.include(await (await web.get(`/projects/${team.projectId}`)).text(), 'Nothing spent yet')
  })

  test('daily spend adds every source that gives daily figures, by day', async ({ assert, cleanup }) => {
    const team = await projectWithTime('Burn sources')
    registerSpendSource('test-expenses', {
      async spentFor() {
        return new Map()
      },
      async dailySpentFor(projectId) {
        return projectId === team.projectId ? [{ date: today(), costCents: 1_000, seconds: 0 }, { date: daysAgo(20), costCents: 500, seconds: 0 }] : []
      },
    })
    cleanup(() => unregisterSpendSource('test-expenses'))
    const days = await withTenant(team.agencyId, () => dailySpendFor(team.projectId))
    assert.deepEqual(days, [
      { date: daysAgo(20), costCents: 500, seconds: 0 },
      { date: team.old, costCents: 4_000, seconds: HOUR },
      { date: today(), costCents: 27_000, seconds: 5 * HOUR },
    ])
  })
})

test.group('Projects: the Time tab', () => {
  test('the owner and the project’s managers see the team’s hours per person and recent entries with rates', async ({ client, assert }) => {
    const team = await projectWithTime('Time tab')
    for (const who of [team.owner, team.manager]) {
      const web = await new WebSession(client).login(who.email, PASSWORD)
      const page = await web.page(`/projects/${team.projectId}/time`)
      assert.equal(page.component, 'projects/time')
      assert.equal(page.props.project.id, team.projectId)
      const time = page.props.time
      assert.containsSubset(time, { tracked: true, scope: 'team', showsRates: true, weekStart: DateTime.utc().startOf('week').toISODate() })
      assert.deepEqual(time.members, [
        { userId: team.manager.userId, name: 'manager person', role: 'manager', totalSeconds: 3 * HOUR, billableSeconds: 3 * HOUR, weekSeconds: 3 * HOUR },
        { userId: team.member.userId, name: 'member person', role: 'member', totalSeconds: 3 * HOUR, billableSeconds: 2 * HOUR, weekSeconds: 2 * HOUR },
      ])
      assert.deepEqual(time.totals, { totalSeconds: 6 * HOUR, billableSeconds: 5 * HOUR, weekSeconds: 5 * HOUR })
      assert.lengthOf(time.recent, 3)
      assert.equal(time.recent[2].description, 'Kick-off notes')
      const call = time.recent.find((entry: any) => entry.description === 'Client call')
      assert.containsSubset(call, { userName: 'manager person', date: today(), durationSeconds: 3 * HOUR, billable: true, status: 'draft', costRate: 6_000, billableRate: 15_000, currency: 'USD' })
      assert.equal(page.props.can.approve, true)
    }
  })

  test('a member sees only their own time on it, without rates; an unassigned member gets a 404', async ({ client, assert }) => {
    const team = await projectWithTime('Time member')
    const web = await new WebSession(client).login(team.member.email, PASSWORD)
    const page = await web.page(`/projects/${team.projectId}/time`)
    const time = page.props.time
    assert.containsSubset(time, { scope: 'own', showsRates: false })
    assert.deepEqual(time.members.map((member: any) => [member.userId, member.totalSeconds, member.billableSeconds, member.weekSeconds]), [
      [team.member.userId, 3 * HOUR, 2 * HOUR, 2 * HOUR],
    ])
    assert.deepEqual(time.recent.map((entry: any) => entry.userId), [team.member.userId, team.member.userId])
    assert.isTrue(time.recent.every((entry: any) => entry.costRate === null && entry.billableRate === null))
    assert.isFalse(page.props.can.approve)
    const html = await (await web.get(`/projects/${team.projectId}/time`)).text()
    assert.notInclude(html, 'Client call')
    assert.notInclude(html, 'Cost rate')

    const outsider = await createUser(team.agencyId, 'member')
    const asOutsider = await new WebSession(client).login(outsider.email, PASSWORD)
    assert.equal((await asOutsider.get(`/projects/${team.projectId}/time`)).status(), 404)
  })

  test('a project without time shows the team with zero hours and an empty state', async ({ client, assert }) => {
    const team = await timeTeam('Time empty')
    const web = await new WebSession(client).login(team.manager.email, PASSWORD)
    const response = await web.get(`/projects/${team.projectId}/time`)
    assert.include(response.text(), 'No time logged yet')
    const time = (await web.page(`/projects/${team.projectId}/time`)).props.time
    assert.deepEqual(time.recent, [])
    assert.sameMembers(time.members.map((member: any) => member.userId), [team.manager.userId, team.member.userId])
    assert.isTrue(time.members.every((member: any) => member.totalSeconds === 0))
  })
})
