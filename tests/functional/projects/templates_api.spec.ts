import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { withTenant } from '#core/public/tenancy'
import Milestone from '#projects/models/milestone'
import Project from '#projects/models/project'
import Task from '#projects/models/task'
import TaskDependency from '#projects/models/task_dependency'
import { createAgency, createUser } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'

const owner = () => db.connection('owner')

/**
 * A project starting Monday 2 March 2026: Design (2–6 March) → Build (9–20
 * March, only a due date on Copy), a Launch milestone on 27 March.
 */
async function plannedProject(agencyId: string, startDate: string | null = '2026-03-02') {
  const { clientId } = await createClient(agencyId, 'Initech')
  return withTenant(agencyId, async () => {
    const project = await Project.create({ clientId, name: 'Website', status: 'active', currency: 'USD', billingType: 'fixed', startDate, budgetSeconds: 360_000 })
    const launch = await Milestone.create({ projectId: project.id, name: 'Launch', dueDate: '2026-03-27', amountCents: 500_000, status: 'open', position: 0 })
    const task = (title: string, startDate: string | null, dueDate: string | null, position: number, extra: Partial<Task> = {}) =>
      Task.create({ projectId: project.id, title, status: 'todo', priority: 'medium', position, startDate, dueDate, visibleToClient: false, ...extra })
    const design = await task('Design', '2026-03-02', '2026-03-06', 0, { estimateSeconds: 36_000, priority: 'high' })
    const build = await task('Build', '2026-03-09', '2026-03-20', 1, { milestoneId: launch.id })
    const copy = await task('Copy', null, '2026-03-13', 2)
    await TaskDependency.create({ projectId: project.id, taskId: build.id, dependsOnTaskId: design.id })
    await TaskDependency.create({ projectId: project.id, taskId: copy.id, dependsOnTaskId: design.id })
    return { clientId, projectId: project.id }
  })
}

const save = (client: ApiClient, token: string, body: Record<string, unknown>) => client.post('/api/project-templates').bearerToken(token).json(body)

test.group('Project templates API', () => {
  test('saving a project keeps its plan as day offsets from the start, with milestones and dependencies', async ({ client, assert }) => {
    const a = await createAgency('Templates')
    const { projectId } = await plannedProject(a.agencyId)
    const response = await save(client, a.token, { projectId, name: 'Website launch', description: 'Five weeks' })
    response.assertStatus(201)
    const template = response.body().template
    assert.containsSubset(template, { name: 'Website launch', description: 'Five weeks', billingType: 'fixed', budget: null, budgetHours: 100 })
    assert.deepEqual(template.milestones.map((m: any) => [m.name, m.dueOffsetDays, m.amount]), [['Launch', 25, 500_000]])
    const byTitle = Object.fromEntries(template.tasks.map((t: any) => [t.title, t]))
    assert.containsSubset(byTitle.Design, { startOffsetDays: 0, dueOffsetDays: 4, priority: 'high', estimateHours: 10, status: 'todo', dependsOn: [] })
    assert.containsSubset(byTitle.Build, { startOffsetDays: 7, dueOffsetDays: 18, milestoneId: template.milestones[0].id, dependsOn: [byTitle.Design.id] })
    assert.containsSubset(byTitle.Copy, { startOffsetDays: null, dueOffsetDays: 11, dependsOn: [byTitle.Design.id] })

    const list = await client.get('/api/project-templates').bearerToken(a.token)
    assert.containsSubset(list.body().templates, [{ id: template.id, name: 'Website launch', taskCount: 3, milestoneCount: 1 }])
    const audit = await owner().from('audit_logs').where({ entity_id: template.id, action: 'created_from_project' })
    assert.lengthOf(audit, 1)
  })

  test('without a start date the offsets count from the earliest task date', async ({ client, assert }) => {
    const a = await createAgency('No start')
    const { projectId } = await plannedProject(a.agencyId, null)
    const template = (await save(client, a.token, { projectId, name: 'Undated' })).body().template
    const design = template.tasks.find((t: any) => t.title === 'Design')
    assert.deepEqual([design.startOffsetDays, design.dueOffsetDays], [0, 4])
  })

  test('a project made from a template gets its tasks, milestones and dependencies dated from its start', async ({ client, assert }) => {
    const a = await createAgency('Use template')
    const { projectId, clientId } = await plannedProject(a.agencyId)
    const template = (await save(client, a.token, { projectId, name: 'Website launch' })).body().template

    const response = await client
      .post(`/api/project-templates/${template.id}/projects`)
      .bearerToken(a.token)
      .json({ clientId, name: 'Second website', startDate: '2026-06-01', budget: 1_200_000 })
    response.assertStatus(201)
    const newId = response.body().projectId

    const project = await owner().from('projects').where('id', newId).firstOrFail()
    assert.containsSubset(project, { name: 'Second website', start_date: '2026-06-01', budget_cents: 1_200_000, billing_type: 'fixed', budget_seconds: 360_000 })
    const tasks = await owner().from('tasks').where('project_id', newId).orderBy('title')
    assert.deepEqual(
      tasks.map((t) => [t.title, t.start_date, t.due_date, t.status]),
      [
        ['Build', '2026-06-08', '2026-06-19', 'todo'],
        ['Copy', null, '2026-06-12', 'todo'],
        ['Design', '2026-06-01', '2026-06-05', 'todo'],
      ]
    )
    const milestones = await owner().from('milestones').where('project_id', newId)
    assert.deepEqual(milestones.map((m) => [m.name, m.due_date, Number(m.amount_cents)]), [['Launch', '2026-06-26', 500_000]])
    assert.equal(tasks.find((t) => t.title === 'Build').milestone_id, milestones[0].id)
    const dependencies = await owner().from('task_dependencies').where('project_id', newId)
    const title = new Map(tasks.map((t) => [t.id, t.title]))
    assert.sameDeepMembers(
      dependencies.map((d) => [title.get(d.task_id), title.get(d.depends_on_task_id)]),
      [['Build', 'Design'], ['Copy', 'Design']]
    )
  })

  test('bad input is a 422; another agency’s template and project are 404', async ({ client, assert }) => {
    const a = await createAgency('Mine')
    const b = await createAgency('Theirs')
    const { projectId, clientId } = await plannedProject(a.agencyId)
    const template = (await save(client, a.token, { projectId, name: 'Mine' })).body().template

    const empty = await save(client, a.token, { projectId, name: '  ' })
    empty.assertStatus(422)
    assert.equal(empty.body().errors[0].field, 'name')
    const badDate = await client.post(`/api/project-templates/${template.id}/projects`).bearerToken(a.token).json({ clientId, name: 'X', startDate: '2026-02-30' })
    badDate.assertStatus(422)
    assert.equal(badDate.body().errors[0].field, 'startDate')

    ;(await client.get(`/api/project-templates/${template.id}`).bearerToken(b.token)).assertStatus(404)
    ;(await client.patch(`/api/project-templates/${template.id}`).bearerToken(b.token).json({ name: 'Stolen' })).assertStatus(404)
    ;(await save(client, b.token, { projectId, name: 'Copy of theirs' })).assertStatus(404)
    const { clientId: theirClient } = await createClient(b.agencyId, 'Theirs Inc')
    ;(await client.post(`/api/project-templates/${template.id}/projects`).bearerToken(b.token).json({ clientId: theirClient, name: 'X', startDate: '2026-06-01' })).assertStatus(404)
  })

  test('members read templates but cannot change or use them', async ({ client, assert }) => {
    const a = await createAgency('Roles')
    const member = await createUser(a.agencyId, 'member')
    const manager = await createUser(a.agencyId, 'manager')
    const { projectId, clientId } = await plannedProject(a.agencyId)
    const template = (await save(client, a.token, { projectId, name: 'Shared' })).body().template

    const list = await client.get('/api/project-templates').bearerToken(member.token)
    assert.deepEqual(list.body().templates.map((t: any) => t.name), ['Shared'])
    ;(await client.get(`/api/project-templates/${template.id}`).bearerToken(member.token)).assertStatus(200)
    ;(await client.patch(`/api/project-templates/${template.id}`).bearerToken(member.token).json({ name: 'Mine now' })).assertStatus(403)
    ;(await client.delete(`/api/project-templates/${template.id}`).bearerToken(member.token)).assertStatus(403)
    ;(await client.post(`/api/project-templates/${template.id}/projects`).bearerToken(member.token).json({ clientId, name: 'X', startDate: '2026-06-01' })).assertStatus(403)

    const renamed = await client.patch(`/api/project-templates/${template.id}`).bearerToken(manager.token).json({ name: 'Renamed' })
    assert.equal(renamed.body().template.name, 'Renamed')
    ;(await client.delete(`/api/project-templates/${template.id}`).bearerToken(manager.token)).assertStatus(204)
    assert.lengthOf((await client.get('/api/project-templates').bearerToken(a.token)).body().templates, 0)
    // The project it came from is untouched.
    assert.lengthOf(await owner().from('tasks').where('project_id', projectId), 3)
  })
})
