import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { createUser } from '#tests/helpers/factories'
import { addProject, timeTeam } from '#tests/helpers/time'

const owner = () => db.connection('owner')
const H = 3600

/**
 * The agency is in UTC; weeks start on this week's Monday.
 * member (capacity 32 h): A 30 h/week (active, no dates); B 15 h (active, from week 3);
 * C 5 h (active, ends on this week's Wednesday); D 20 h (on hold: never counts).
 * → week 1: 35 h (overbooked), week 2: 30 h, weeks 3+: 45 h (overbooked).
 * manager (40 h): A 10 h every week. managerB runs B. An outsider is on no project.
 */
async function plan(name: string) {
  const team = await timeTeam(name)
  const managerB = await createUser(team.agencyId, 'manager')
  const outsider = await createUser(team.agencyId, 'member')
  const monday = DateTime.now().setZone('UTC').startOf('week')
  const weeks = Array.from({ length: 8 }, (_, index) => monday.plus({ weeks: index }).toISODate()!)
  const m = team.member.userId
  const b = await addProject(team.agencyId, team.clientId, [{ userId: m }, { userId: managerB.userId, role: 'manager' }], { name: 'B' })
  const c = await addProject(team.agencyId, team.clientId, [{ userId: m }], { name: 'C' })
  const d = await addProject(team.agencyId, team.clientId, [{ userId: m }], { name: 'D', status: 'on_hold' })
  await owner().from('users').where('id', m).update({ capacity_hours_weekly: 32 })
  await owner().from('projects').where('id', b).update({ start_date: weeks[2] })
  await owner().from('projects').where('id', c).update({ start_date: monday.minus({ weeks: 4 }).toISODate(), deadline: monday.plus({ days: 2 }).toISODate() })
  const allocate = (projectId: string, userId: string, hours: number) =>
    owner().from('project_members').where('project_id', projectId).where('user_id', userId).update({ weekly_allocated_seconds: hours * H })
  await allocate(team.projectId, m, 30)
  await allocate(team.projectId, team.manager.userId, 10)
  await allocate(b, m, 15)
  await allocate(c, m, 5)
  await allocate(d, m, 20)
  return { ...team, managerB, outsider, weeks, b, c, d }
}

const byUser = (body: any) => new Map<string, any>(body.members.map((member: any) => [member.userId, member]))

test.group('Reports: capacity planning', () => {
  test('owner: everyone, each coming week, allocated against capacity with overbooking', async ({ client, assert }) => {
    const fx = await plan('Cap')
    const response = await client.get('/api/reports/capacity').bearerToken(fx.owner.token)
    response.assertStatus(200)
    assert.deepEqual(response.body().weekStarts, fx.weeks)
    const people = byUser(response.body())
    assert.sameMembers([...people.keys()], [fx.owner.userId, fx.manager.userId, fx.member.userId, fx.managerB.userId, fx.outsider.userId])

    const member = people.get(fx.member.userId)
    assert.equal(member.capacitySeconds, 32 * H)
    assert.deepEqual(
      member.weeks.map((week: any) => [week.weekStart, week.allocatedSeconds / H, week.overbooked]),
      fx.weeks.map((weekStart, index) => [weekStart, index === 0 ? 35 : index === 1 ? 30 : 45, index !== 1])
    )
    assert.deepEqual(
      member.weeks[0].projects.map((project: any) => [project.name, project.seconds / H]),
      [['C', 5], ['Cap project', 30]]
    )
    const manager = people.get(fx.manager.userId)
    assert.isTrue(manager.weeks.every((week: any) => week.allocatedSeconds === 10 * H && week.capacitySeconds === 40 * H && !week.overbooked))
    assert.isTrue(people.get(fx.outsider.userId).weeks.every((week: any) => week.allocatedSeconds === 0 && !week.overbooked))
  })

  test('exactly at capacity is not overbooked; weeks is 1–26', async ({ client, assert }) => {
    const fx = await plan('Edge')
    await owner().from('users').where('id', fx.member.userId).update({ capacity_hours_weekly: 35 })
    const response = await client.get('/api/reports/capacity').qs({ weeks: 3 }).bearerToken(fx.owner.token)
    response.assertStatus(200)
    assert.deepEqual(response.body().weekStarts, fx.weeks.slice(0, 3))
    assert.deepEqual(
      byUser(response.body()).get(fx.member.userId).weeks.map((week: any) => week.overbooked),
      [false, false, true]
    )
    for (const weeks of [0, 27, 'x']) {
      const bad = await client.get('/api/reports/capacity').qs({ weeks }).bearerToken(fx.owner.token)
      bad.assertStatus(422)
      assert.match(JSON.stringify(bad.body()), /weeks/)
    }
  })

  test('managers see their projects’ people (with their whole week); members themselves; other agencies nothing', async ({ client, assert }) => {
    const fx = await plan('Scope')
    const asManagerB = byUser((await client.get('/api/reports/capacity').bearerToken(fx.managerB.token)).body())
    assert.sameMembers([...asManagerB.keys()], [fx.managerB.userId, fx.member.userId])
    // Their allocation on A (which managerB does not run) counts: overbooking is about the person's week.
    // Those projects stay unnamed for them.
    const week = asManagerB.get(fx.member.userId).weeks[2]
    assert.equal(week.allocatedSeconds, 45 * H)
    assert.deepEqual(week.projects, [
      { projectId: fx.b, name: 'B', seconds: 15 * H },
      { projectId: null, name: 'Other projects', seconds: 30 * H },
    ])

    const asManager = byUser((await client.get('/api/reports/capacity').bearerToken(fx.manager.token)).body())
    assert.sameMembers([...asManager.keys()], [fx.manager.userId, fx.member.userId])

    const asMember = await client.get('/api/reports/capacity').bearerToken(fx.member.token)
    asMember.assertStatus(200)
    const mine = byUser(asMember.body())
    assert.sameMembers([...mine.keys()], [fx.member.userId])
    assert.equal(mine.get(fx.member.userId).weeks[0].allocatedSeconds, 35 * H)

    const other = await timeTeam('Elsewhere')
    const theirs = byUser((await client.get('/api/reports/capacity').bearerToken(other.owner.token)).body())
    assert.notInclude([...theirs.keys()], fx.member.userId)
  })

  test('the /reports page has the capacity tab', async ({ client, assert }) => {
    const fx = await plan('Tab')
    const { WebSession } = await import('#tests/helpers/web_session')
    const { PASSWORD } = await import('#tests/helpers/factories')
    const web = await new WebSession(client).login(fx.owner.email, PASSWORD)
    const page = await web.page('/reports?tab=capacity')
    assert.equal(page.props.tab, 'capacity')
    assert.equal(page.props.capacity.weekStarts.length, 8)
    const html = (await web.get('/reports?tab=capacity')).text()
    for (const expected of ['id="tab-capacity"', 'Overbooked', 'Capacity / week']) assert.include(html, expected)
  })
})
