import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { withTenant } from '#core/public/tenancy'
import Project from '#projects/models/project'
import { onMilestoneCompleted, type CompletedMilestone } from '#projects/public/milestones'
import { createAgency, createUser } from '#tests/helpers/factories'
import { assignToProject, createClient } from '#tests/helpers/crm'

async function newProject(agencyId: string, name = 'Website') {
  const { clientId } = await createClient(agencyId, `${name} client`)
  const projectId = await withTenant(agencyId, async () => (await Project.create({ clientId, name, status: 'active', currency: 'EUR' })).id)
  return { clientId, projectId }
}

test.group('Milestones API', () => {
  test('create, link tasks, list with counts, update and delete', async ({ client, assert }) => {
    const agency = await createAgency('Milestones')
    const { projectId } = await newProject(agency.agencyId)
    const task = (await client.post(`/api/projects/${projectId}/tasks`).bearerToken(agency.token).json({ title: 'Build', status: 'done' })).body().task

    const created = await client
      .post(`/api/projects/${projectId}/milestones`)
      .bearerToken(agency.token)
      .json({ name: 'Beta', dueDate: '2030-04-01', amount: 500_000, taskIds: [task.id] })
    created.assertStatus(201)
    assert.deepInclude(created.body().milestone, { name: 'Beta', dueDate: '2030-04-01', amount: 500_000, status: 'open', completedAt: null })

    const list = await client.get(`/api/projects/${projectId}/milestones`).bearerToken(agency.token)
    assert.deepInclude(list.body().milestones[0], { name: 'Beta', taskCount: 1, doneTaskCount: 1 })

    const updated = await client.patch(`/api/milestones/${created.body().milestone.id}`).bearerToken(agency.token).json({ name: 'Beta release', amount: null })
    assert.deepInclude(updated.body().milestone, { name: 'Beta release', amount: null })

    const bad = await client.post(`/api/projects/${projectId}/milestones`).bearerToken(agency.token).json({ name: 'X', amount: -1 })
    bad.assertStatus(422)
    assert.equal(bad.body().errors[0].field, 'amount')

    ;(await client.delete(`/api/milestones/${created.body().milestone.id}`).bearerToken(agency.token)).assertStatus(204)
    const unlinked = await db.connection('owner').from('tasks').where('id', task.id).first()
    assert.isNull(unlinked.milestone_id)
  })

  test('completing calls the registered handler once, records the timeline event and the audit entry', async ({ client, assert, cleanup }) => {
    const agency = await createAgency('Complete')
    const { clientId, projectId } = await newProject(agency.agencyId, 'Relaunch')
    const calls: CompletedMilestone[] = []
    cleanup(onMilestoneCompleted(async (milestone) => void calls.push(milestone), 'test'))

    const milestone = (
      await client.post(`/api/projects/${projectId}/milestones`).bearerToken(agency.token).json({ name: 'Design signed off', amount: 250_000 })
    ).body().milestone
    const completed = await client.post(`/api/milestones/${milestone.id}/complete`).bearerToken(agency.token)
    completed.assertStatus(200)
    assert.equal(completed.body().milestone.status, 'completed')
    assert.isString(completed.body().milestone.completedAt)

    assert.lengthOf(calls, 1)
    assert.deepInclude(calls[0], { milestoneId: milestone.id, projectId, clientId, name: 'Design signed off', amountCents: 250_000, currency: 'EUR' })

    const again = await client.post(`/api/milestones/${milestone.id}/complete`).bearerToken(agency.token)
    again.assertStatus(409)
    assert.lengthOf(calls, 1)

    const events = await db.connection('owner').from('client_activities').where({ client_id: clientId, kind: 'milestone_completed' })
    assert.lengthOf(events, 1)
    assert.include(events[0].body, 'Design signed off')
    const audit = await db.connection('owner').from('audit_logs').where({ entity_id: milestone.id, action: 'completed' })
    assert.lengthOf(audit, 1)

    const reopened = await client.post(`/api/milestones/${milestone.id}/reopen`).bearerToken(agency.token)
    assert.deepInclude(reopened.body().milestone, { status: 'open', completedAt: null })
  })

  test('a failing handler leaves the milestone open', async ({ client, assert, cleanup }) => {
    const agency = await createAgency('Failing')
    const { clientId, projectId } = await newProject(agency.agencyId)
    cleanup(
      onMilestoneCompleted(async () => {
        throw new Error('billing is down')
      }, 'test')
    )
    const milestone = (await client.post(`/api/projects/${projectId}/milestones`).bearerToken(agency.token).json({ name: 'M1' })).body().milestone
    const response = await client.post(`/api/milestones/${milestone.id}/complete`).bearerToken(agency.token)
    response.assertStatus(500)
    const stored = await db.connection('owner').from('milestones').where('id', milestone.id).first()
    assert.equal(stored.status, 'open')
    const events = await db.connection('owner').from('client_activities').where({ client_id: clientId, kind: 'milestone_completed' })
    assert.lengthOf(events, 0)
  })

  test('members read milestones of their projects but do not change them; other projects are a 404', async ({ client, assert }) => {
    const agency = await createAgency('Member milestones')
    const member = await createUser(agency.agencyId, 'member')
    const { projectId } = await newProject(agency.agencyId, 'Assigned')
    const other = await newProject(agency.agencyId, 'Other')
    await assignToProject(agency.agencyId, projectId, member.userId)
    const milestone = (await client.post(`/api/projects/${projectId}/milestones`).bearerToken(agency.token).json({ name: 'M' })).body().milestone

    const list = await client.get(`/api/projects/${projectId}/milestones`).bearerToken(member.token)
    assert.lengthOf(list.body().milestones, 1)
    ;(await client.post(`/api/milestones/${milestone.id}/complete`).bearerToken(member.token)).assertStatus(403)
    ;(await client.get(`/api/projects/${other.projectId}/milestones`).bearerToken(member.token)).assertStatus(404)
  })
})
