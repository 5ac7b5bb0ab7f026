import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { createAgency, createUser } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'

const owner = () => db.connection('owner')

/** An agency with a client, a second manager and a member. */
async function setup(name: string) {
  const agency = await createAgency(name)
  const manager = await createUser(agency.agencyId, 'manager')
  const member = await createUser(agency.agencyId, 'member')
  const { clientId } = await createClient(agency.agencyId, `${name} client`)
  return { ...agency, manager, member, clientId }
}

test.group('Projects API: create and read', () => {
  test('an owner creates a project with every field; the API answers it in API units', async ({ client, assert }) => {
    const a = await setup('Create')
    const response = await client.post('/api/projects').bearerToken(a.token).json({
      clientId: a.clientId,
      name: 'Retainer site care',
      description: 'Monthly care plan',
      billingType: 'retainer',
      budget: 1_200_000,
      budgetHours: 40.5,
      hourlyRate: 9_500,
      startDate: '2026-01-01',
      deadline: '2026-12-31',
      retainerAmount: 300_000,
      retainerPeriod: 'monthly',
      retainerIncludedHours: 20,
      retainerRolloverPeriods: 2,
      overageRate: 12_000,
      managerIds: [a.manager.userId],
    })
    response.assertStatus(201)
    const project = response.body().project
    assert.containsSubset(project, {
      name: 'Retainer site care',
      status: 'planning',
      billingType: 'retainer',
      budget: 1_200_000,
      budgetHours: 40.5,
      hourlyRate: 9_500,
      currency: 'USD',
      startDate: '2026-01-01',
      deadline: '2026-12-31',
      retainer: { amount: 300_000, period: 'monthly', includedHours: 20, rolloverPeriods: 2, overageRate: 12_000 },
      progress: 0,
      client: { id: a.clientId, name: 'Create client' },
      managers: [{ id: a.manager.userId, name: 'manager person' }],
    })
    const row = await owner().from('projects').where('id', project.id).first()
    assert.equal(row.budget_seconds, 40.5 * 3600)
    const timeline = await owner().from('client_activities').where({ client_id: a.clientId, kind: 'project_created' })
    assert.lengthOf(timeline, 1)
    assert.lengthOf(await owner().from('audit_logs').where({ entity_id: project.id, action: 'created' }), 1)

    const shown = await client.get(`/api/projects/${project.id}`).bearerToken(a.token)
    assert.deepEqual(shown.body().project, project)
  })

  test('a manager\u2019s new project is theirs to manage; other managers and members do not see it', async ({ client, assert }) => {
    const a = await setup('Scope')
    const otherManager = await createUser(a.agencyId, 'manager')
    const created = await client.post('/api/projects').bearerToken(a.manager.token).json({ clientId: a.clientId, name: 'Mine' })
    created.assertStatus(201)
    const id = created.body().project.id
    assert.deepEqual(created.body().project.team.map((m: any) => [m.userId, m.role]), [[a.manager.userId, 'manager']])

    assert.deepEqual((await client.get('/api/projects').bearerToken(a.manager.token)).body().projects.map((p: any) => p.id), [id])
    assert.deepEqual((await client.get('/api/projects').bearerToken(otherManager.token)).body().projects, [])
    ;(await client.get(`/api/projects/${id}`).bearerToken(otherManager.token)).assertStatus(404)
    ;(await client.patch(`/api/projects/${id}`).bearerToken(otherManager.token).json({ name: 'Taken' })).assertStatus(404)
    ;(await client.get(`/api/projects/${id}`).bearerToken(a.member.token)).assertStatus(404)
    assert.lengthOf((await client.get('/api/projects').bearerToken(a.token)).body().projects, 1)
  })

  test('a member cannot create projects (403); an assigned member reads but cannot change one', async ({ client, assert }) => {
    const a = await setup('Members')
    ;(await client.post('/api/projects').bearerToken(a.member.token).json({ clientId: a.clientId, name: 'Nope' })).assertStatus(403)
    const id = (await client.post('/api/projects').bearerToken(a.token).json({ clientId: a.clientId, name: 'Theirs' })).body().project.id
    ;(await client.post(`/api/projects/${id}/members`).bearerToken(a.token).json({ userId: a.member.userId })).assertStatus(201)

    ;(await client.get(`/api/projects/${id}`).bearerToken(a.member.token)).assertStatus(200)
    const patch = await client.patch(`/api/projects/${id}`).bearerToken(a.member.token).json({ name: 'Mine now' })
    patch.assertStatus(403)
    ;(await client.post(`/api/projects/${id}/members`).bearerToken(a.member.token).json({ userId: a.manager.userId })).assertStatus(403)
    assert.equal((await owner().from('projects').where('id', id).first()).name, 'Theirs')
  })

  test('bad input is a 422 on the field; nothing is written', async ({ client, assert }) => {
    const a = await setup('Invalid')
    const b = await setup('Elsewhere')
    const post = (body: object) => client.post('/api/projects').bearerToken(a.token).json({ clientId: a.clientId, name: 'P', ...body })
    const field = async (body: object) => {
      const response = await post(body)
      response.assertStatus(422)
      return response.body().errors[0].field
    }
    assert.equal(await field({ budget: -1 }), 'budget')
    assert.equal(await field({ budgetHours: 'ten' }), 'budgetHours')
    assert.equal(await field({ billingType: 'barter' }), 'billingType')
    assert.equal(await field({ startDate: '2026-02-30' }), 'startDate')
    assert.equal(await field({ startDate: '2026-05-01', deadline: '2026-04-30' }), 'deadline')
    assert.equal(await field({ billingType: 'retainer' }), 'retainerAmount')
    assert.equal(await field({ retainerRolloverPeriods: -1 }), 'retainerRolloverPeriods')
    assert.equal(await field({ clientId: b.clientId }), 'clientId')
    assert.equal(await field({ managerIds: [a.member.userId] }), 'managerIds')
    assert.equal(await field({ name: '' }), 'name')

    const malformed = await fetch(`http://${process.env.HOST}:${process.env.PORT}/api/projects`, {
      method: 'POST',
      headers: { 'authorization': `Bearer ${a.token}`, 'content-type': 'application/json' },
      body: '{"name": "Broken", "clientId": ',
    })
    assert.isAtLeast(malformed.status, 400)
    assert.isBelow(malformed.status, 500)
    assert.lengthOf(await owner().from('projects').where('agency_id', a.agencyId), 0)
  })

  test('the list filters by status, client and manager and sorts by deadline', async ({ client, assert }) => {
    const a = await setup('Filters')
    const { clientId: otherClient } = await createClient(a.agencyId, 'Second client')
    const create = async (body: object) => (await client.post('/api/projects').bearerToken(a.token).json({ clientId: a.clientId, ...body })).body().project.id
    const late = await create({ name: 'Late', deadline: '2026-09-01' })
    const soon = await create({ name: 'Soon', deadline: '2026-03-01', managerIds: [a.manager.userId] })
    const none = await create({ name: 'Undated', clientId: otherClient })
    await client.patch(`/api/projects/${late}`).bearerToken(a.token).json({ status: 'active' })

    const list = async (qs: string) => (await client.get(`/api/projects?${qs}`).bearerToken(a.token)).body().projects.map((p: any) => p.id)
    assert.deepEqual(await list('sort=deadline'), [soon, late, none])
    assert.deepEqual(await list('status=active'), [late])
    assert.sameMembers(await list(`clientId=${a.clientId}`), [late, soon])
    assert.deepEqual(await list(`managerId=${a.manager.userId}`), [soon])
    assert.lengthOf(await list('sort=burn'), 3)
    ;(await client.get('/api/projects?status=done').bearerToken(a.token)).assertStatus(422)
  })
})

test.group('Projects API: changes and status', () => {
  test('PATCH changes any subset; hours are stored as seconds; the audit log keeps before and after', async ({ client, assert }) => {
    const a = await setup('Patch')
    const id = (await client.post('/api/projects').bearerToken(a.token).json({ clientId: a.clientId, name: 'Before', startDate: '2026-02-01' })).body().project.id
    const response = await client.patch(`/api/projects/${id}`).bearerToken(a.token).json({ name: 'After', budgetHours: 12.25, hourlyRate: 10_000, billingType: 'fixed' })
    response.assertStatus(200)
    assert.containsSubset(response.body().project, { name: 'After', budgetHours: 12.25, hourlyRate: 10_000, billingType: 'fixed', startDate: '2026-02-01' })
    assert.equal((await owner().from('projects').where('id', id).first()).budget_seconds, 44_100)
    const audit = await owner().from('audit_logs').where({ entity_id: id, action: 'updated' }).first()
    assert.containsSubset(audit.before, { name: 'Before' })
    assert.containsSubset(audit.after, { name: 'After', budgetSeconds: 44_100 })

    // A deadline alone is checked against the stored start date.
    const early = await client.patch(`/api/projects/${id}`).bearerToken(a.token).json({ deadline: '2026-01-31' })
    early.assertStatus(422)
    assert.equal(early.body().errors[0].field, 'deadline')
    ;(await client.patch(`/api/projects/${id}`).bearerToken(a.token).json({ budget: -5 })).assertStatus(422)
  })

  test('status moves planning → active ↔ on hold → completed; illegal moves are 409; only the owner reopens', async ({ client, assert }) => {
    const a = await setup('Status')
    const id = (await client.post('/api/projects').bearerToken(a.token).json({ clientId: a.clientId, name: 'Flow', managerIds: [a.manager.userId] })).body().project.id
    const move = (token: string, status: string) => client.patch(`/api/projects/${id}`).bearerToken(token).json({ status })

    const skip = await move(a.manager.token, 'completed')
    skip.assertStatus(409)
    assert.match(skip.body().errors[0].message, /planning to completed/)
    ;(await move(a.manager.token, 'active')).assertStatus(200)
    ;(await move(a.manager.token, 'on_hold')).assertStatus(200)
    ;(await move(a.manager.token, 'active')).assertStatus(200)
    ;(await move(a.manager.token, 'planning')).assertStatus(409)
    ;(await move(a.manager.token, 'completed')).assertStatus(200)
    const reopen = await move(a.manager.token, 'active')
    reopen.assertStatus(409)
    assert.match(reopen.body().errors[0].message, /only be reopened by the owner/)
    const reopened = await move(a.token, 'active')
    reopened.assertStatus(200)
    assert.equal(reopened.body().project.status, 'active')
    assert.lengthOf(await owner().from('audit_logs').where({ entity_id: id, action: 'status_changed' }), 5)
  })
})

test.group('Projects API: team', () => {
  test('managers add, change and remove team members with rates and weekly hours', async ({ client, assert }) => {
    const a = await setup('Team')
    const id = (await client.post('/api/projects').bearerToken(a.manager.token).json({ clientId: a.clientId, name: 'Crew' })).body().project.id
    const added = await client
      .post(`/api/projects/${id}/members`)
      .bearerToken(a.manager.token)
      .json({ userId: a.member.userId, billableRate: 11_000, costRate: 6_000, weeklyHours: 12.5 })
    added.assertStatus(201)
    assert.deepEqual(added.body().member, { userId: a.member.userId, name: 'member person', role: 'member', billableRate: 11_000, costRate: 6_000, weeklyHours: 12.5 })

    const again = await client.post(`/api/projects/${id}/members`).bearerToken(a.manager.token).json({ userId: a.member.userId })
    again.assertStatus(409)

    const changed = await client.patch(`/api/projects/${id}/members/${a.member.userId}`).bearerToken(a.manager.token).json({ billableRate: null, weeklyHours: 20 })
    changed.assertStatus(200)
    assert.containsSubset(changed.body().member, { billableRate: null, costRate: 6_000, weeklyHours: 20 })
    // Only that row changed (the key is project + user).
    const team = (await client.get(`/api/projects/${id}/members`).bearerToken(a.member.token)).body().members
    assert.deepEqual(team.map((m: any) => [m.userId, m.role, m.weeklyHours]), [
      [a.manager.userId, 'manager', null],
      [a.member.userId, 'member', 20],
    ])

    ;(await client.delete(`/api/projects/${id}/members/${a.member.userId}`).bearerToken(a.manager.token)).assertStatus(204)
    ;(await client.get(`/api/projects/${id}`).bearerToken(a.member.token)).assertStatus(404)
    ;(await client.delete(`/api/projects/${id}/members/${a.member.userId}`).bearerToken(a.manager.token)).assertStatus(404)
  })

  test('bad team input: another agency\u2019s user 422, a member as project manager 422, negative rates 422', async ({ client, assert }) => {
    const a = await setup('TeamInput')
    const b = await setup('Foreign')
    const id = (await client.post('/api/projects').bearerToken(a.token).json({ clientId: a.clientId, name: 'Strict' })).body().project.id
    const add = (body: object) => client.post(`/api/projects/${id}/members`).bearerToken(a.token).json(body)
    const field = async (body: object) => {
      const response = await add(body)
      response.assertStatus(422)
      return response.body().errors[0].field
    }
    assert.equal(await field({ userId: b.member.userId }), 'userId')
    assert.equal(await field({ userId: a.member.userId, role: 'manager' }), 'role')
    assert.equal(await field({ userId: a.member.userId, billableRate: -1 }), 'billableRate')
    assert.equal(await field({ userId: a.member.userId, weeklyHours: 200 }), 'weeklyHours')
    assert.lengthOf(await owner().from('project_members').where('project_id', id), 0)
    ;(await client.get(`/api/projects/${id}/members`).bearerToken(b.token)).assertStatus(404)
  })
})
