import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { createUser } from '#tests/helpers/factories'
import { addProject, logTime, timeTeam } from '#tests/helpers/time'

const owner = () => db.connection('owner')
const WEEK = { from: '2026-11-02', to: '2026-11-08' }

/**
 * One week (Mon 2 – Sun 8 Nov 2026). The member (40 h) works on A and B:
 * 8 h + 6 h non-billable on A, 10 h on B = 24 h of 40 → 60 %, billable 18 h → 45 %.
 * The manager of A (capacity 10 h) logs 12 h on A → 120 %, over.
 * The owner and B's manager (40 h each) log nothing → 0 %, under.
 */
async function week(name: string) {
  const team = await timeTeam(name)
  const managerB = await createUser(team.agencyId, 'manager')
  const b = await addProject(team.agencyId, team.clientId, [{ userId: team.member.userId }, { userId: managerB.userId, role: 'manager' }], {
    name: 'Project B',
  })
  await owner().from('users').where('id', team.manager.userId).update({ capacity_hours_weekly: 10 })
  const a = team.projectId
  await logTime(team.agencyId, team.member.userId, 'member', { projectId: a, date: '2026-11-03', seconds: 8 * 3600, billable: true })
  await logTime(team.agencyId, team.member.userId, 'member', { projectId: a, date: '2026-11-04', seconds: 6 * 3600, billable: false })
  await logTime(team.agencyId, team.member.userId, 'member', { projectId: b, date: '2026-11-05', seconds: 10 * 3600, billable: true })
  await logTime(team.agencyId, team.member.userId, 'member', { projectId: b, date: '2026-11-09', seconds: 3600, billable: true }) // after the week
  await logTime(team.agencyId, team.manager.userId, 'manager', { projectId: a, date: '2026-11-02', seconds: 8 * 3600, billable: true })
  await logTime(team.agencyId, team.manager.userId, 'manager', { projectId: a, date: '2026-11-08', seconds: 4 * 3600, billable: true })
  return { ...team, managerB, a, b }
}

const byUser = (members: any[]) => Object.fromEntries(members.map((member) => [member.userId, member]))

test.group('Reports: utilization', () => {
  test('owner: everyone against weekly capacity, flags and the agency average', async ({ client, assert }) => {
    const team = await week('Util')
    const response = await client.get('/api/reports/utilization').qs(WEEK).bearerToken(team.owner.token)
    response.assertStatus(200)
    const members = byUser(response.body().members)
    assert.lengthOf(response.body().members, 4)
    assert.deepInclude(members[team.member.userId], {
      loggedSeconds: 86400,
      billableSeconds: 64800,
      capacitySeconds: 144000,
      utilization: 60,
      billableUtilization: 45,
      flag: null,
    })
    assert.deepInclude(members[team.manager.userId], {
      loggedSeconds: 43200,
      billableSeconds: 43200,
      capacitySeconds: 36000,
      utilization: 120,
      billableUtilization: 120,
      flag: 'over',
    })
    assert.deepInclude(members[team.owner.userId], { loggedSeconds: 0, capacitySeconds: 144000, utilization: 0, flag: 'under' })
    assert.deepInclude(members[team.managerB.userId], { loggedSeconds: 0, utilization: 0, flag: 'under' })
    assert.isString(members[team.member.userId].name)
    // (86,400 + 43,200) / (144,000 + 36,000 + 144,000 + 144,000) = 27.69 % → 28
    assert.equal(response.body().agencyAvg, 28)
  })

  test('the threshold is a query parameter; capacity follows the range in days', async ({ client, assert }) => {
    const team = await week('Threshold')
    const strict = await client.get('/api/reports/utilization').qs({ ...WEEK, threshold: 70 }).bearerToken(team.owner.token)
    strict.assertStatus(200)
    assert.equal(byUser(strict.body().members)[team.member.userId].flag, 'under')

    // Two weeks and a day (15 days): 40 h × 15 / 7 = 85.714… h = 308,571.43 s → 308,571; 25 h logged → 29 %.
    const longer = await client.get('/api/reports/utilization').qs({ from: '2026-11-02', to: '2026-11-16' }).bearerToken(team.owner.token)
    assert.deepInclude(byUser(longer.body().members)[team.member.userId], { loggedSeconds: 90000, capacitySeconds: 308571, utilization: 29 })
  })

  test('a manager sees the people on the projects they manage; a member only themselves', async ({ client, assert }) => {
    const team = await week('Scope')
    const asManagerB = await client.get('/api/reports/utilization').qs(WEEK).bearerToken(team.managerB.token)
    asManagerB.assertStatus(200)
    assert.sameMembers(
      asManagerB.body().members.map((member: any) => member.userId),
      [team.managerB.userId, team.member.userId]
    )
    // Time counts under the manager's RLS: the member's 10 h on B (not the 14 h on A, which B's manager does not run).
    assert.deepInclude(byUser(asManagerB.body().members)[team.member.userId], { loggedSeconds: 36000, utilization: 25 })

    const asManagerA = await client.get('/api/reports/utilization').qs(WEEK).bearerToken(team.manager.token)
    assert.sameMembers(
      asManagerA.body().members.map((member: any) => member.userId),
      [team.manager.userId, team.member.userId]
    )

    const asMember = await client.get('/api/reports/utilization').qs(WEEK).bearerToken(team.member.token)
    asMember.assertStatus(200)
    assert.deepEqual(
      asMember.body().members.map((member: any) => member.userId),
      [team.member.userId]
    )
    assert.deepInclude(asMember.body().members[0], { loggedSeconds: 86400, utilization: 60 })
    assert.equal(asMember.body().agencyAvg, 60)
  })

  test('another agency sees none of it', async ({ client, assert }) => {
    const ours = await week('Ours')
    const theirs = await timeTeam('Theirs')
    const response = await client.get('/api/reports/utilization').qs(WEEK).bearerToken(theirs.owner.token)
    response.assertStatus(200)
    const ids = response.body().members.map((member: any) => member.userId)
    assert.sameMembers(ids, [theirs.owner.userId, theirs.manager.userId, theirs.member.userId])
    assert.notInclude(ids, ours.member.userId)
    assert.equal(response.body().agencyAvg, 0)
  })

  test('bad ranges are 422 with the field', async ({ client, assert }) => {
    const team = await timeTeam('Bad')
    for (const [qs, field] of [
      [{ to: '2026-11-08' }, 'from'],
      [{ from: '2026-11-08', to: '2026-11-02' }, 'to'],
      [{ from: '2026-01-01', to: '2027-01-02' }, 'to'],
      [{ ...WEEK, threshold: 'lots' }, 'threshold'],
    ] as Array<[Record<string, any>, string]>) {
      const response = await client.get('/api/reports/utilization').qs(qs).bearerToken(team.member.token)
      response.assertStatus(422)
      assert.include(
        response.body().errors.map((error: any) => error.field),
        field
      )
    }
  })
})
