import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { withTenant } from '#core/public/tenancy'
import Project from '#projects/models/project'
import Task from '#projects/models/task'
import { createAgency, createUser, PASSWORD } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'
import { WebSession } from '#tests/helpers/web_session'

const owner = () => db.connection('owner')

async function projectWithTasks(agencyId: string) {
  const { clientId } = await createClient(agencyId, 'Cyberdyne')
  const projectId = await withTenant(agencyId, async () => {
    const project = await Project.create({ clientId, name: 'Skynet site', status: 'active', currency: 'USD', startDate: '2026-05-04' })
    await Task.create({ projectId: project.id, title: 'Wireframes', status: 'done', priority: 'low', position: 0, startDate: '2026-05-04', dueDate: '2026-05-08', visibleToClient: false })
    await Task.create({ projectId: project.id, title: 'Launch', status: 'todo', priority: 'high', position: 0, startDate: null, dueDate: '2026-05-29', visibleToClient: false })
    return project.id
  })
  return { clientId, projectId }
}

test.group('Templates pages', () => {
  test('save a project as a template, rename it, use it for a new project, delete it', async ({ client, assert }) => {
    const a = await createAgency('Template pages')
    const { clientId, projectId } = await projectWithTasks(a.agencyId)
    const session = await new WebSession(client).login(a.email, PASSWORD)

    const empty = await session.page('/projects/templates')
    assert.deepEqual(empty.props.templates, [])
    assert.containsSubset(empty.props, { projects: [{ id: projectId, name: 'Skynet site' }], can: { manage: true } })

    const saved = await session.post('/projects/templates', { projectId, name: 'Site in four weeks' })
    saved.assertStatus(302)
    const templateUrl = saved.header('location')!
    const detail = await session.page(templateUrl)
    assert.equal(detail.component, 'projects/templates/show')
    assert.containsSubset(detail.props.template, { name: 'Site in four weeks' })
    // In timeline order; a template starts fresh: the done task is to do again.
    assert.deepEqual(
      detail.props.template.tasks.map((t: any) => [t.title, t.status, t.startOffsetDays, t.dueOffsetDays]),
      [['Wireframes', 'todo', 0, 4], ['Launch', 'todo', null, 25]]
    )
    const id = detail.props.template.id

    ;(await session.send('patch', `/projects/templates/${id}`, { name: 'Four-week site' }, templateUrl)).assertStatus(302)
    assert.equal((await session.page('/projects/templates')).props.templates[0].name, 'Four-week site')

    const form = await session.page(`/projects/templates/${id}/use`)
    assert.equal(form.component, 'projects/templates/use')
    assert.deepInclude(form.props.clients, { value: clientId, label: 'Cyberdyne' })
    const used = await session.post(`/projects/templates/${id}/use`, { clientId, name: 'T-1000 site', startDate: '2026-09-07', budget: 800_000 })
    used.assertStatus(302)
    const newProjectId = used.header('location')!.split('/').pop()!
    const project = await owner().from('projects').where('id', newProjectId).firstOrFail()
    assert.containsSubset(project, { name: 'T-1000 site', client_id: clientId, start_date: '2026-09-07', budget_cents: 800_000 })
    const tasks = await owner().from('tasks').where('project_id', newProjectId).orderBy('title')
    assert.deepEqual(tasks.map((t) => [t.title, t.start_date, t.due_date]), [['Launch', null, '2026-10-02'], ['Wireframes', '2026-09-07', '2026-09-11']])

    ;(await session.delete(`/projects/templates/${id}`)).assertStatus(302)
    assert.deepEqual((await session.page('/projects/templates')).props.templates, [])
    ;(await session.get(`/projects/templates/${id}`)).assertStatus(404)
  })

  test('members read templates; saving, renaming and using them is for owners and managers', async ({ client, assert }) => {
    const a = await createAgency('Template roles')
    const { clientId, projectId } = await projectWithTasks(a.agencyId)
    const ownerSession = await new WebSession(client).login(a.email, PASSWORD)
    const id = (await ownerSession.page((await ownerSession.post('/projects/templates', { projectId, name: 'Shared' })).header('location')!)).props.template.id

    const member = await createUser(a.agencyId, 'member')
    const session = await new WebSession(client).login(member.email, PASSWORD)
    const list = await session.page('/projects/templates')
    assert.containsSubset(list.props, { templates: [{ name: 'Shared' }], projects: [], can: { manage: false } })
    ;(await session.get(`/projects/templates/${id}`)).assertStatus(200)
    ;(await session.get(`/projects/templates/${id}/use`)).assertStatus(403)
    ;(await session.post(`/projects/templates/${id}/use`, { clientId, name: 'X', startDate: '2026-09-07' })).assertStatus(403)
    ;(await session.post('/projects/templates', { projectId, name: 'Mine' })).assertStatus(403)
    ;(await session.send('patch', `/projects/templates/${id}`, { name: 'Renamed' })).assertStatus(403)
    ;(await session.delete(`/projects/templates/${id}`)).assertStatus(403)
    assert.lengthOf(await owner().from('project_templates').where('agency_id', a.agencyId), 1)
  })
})
