import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { withTenant } from '#core/public/tenancy'
import Milestone from '#projects/models/milestone'
import Project from '#projects/models/project'
import ProjectMember from '#projects/models/project_member'
import Task from '#projects/models/task'
import TaskDependency from '#projects/models/task_dependency'
import { createAgency, createUser, PASSWORD } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'
import { WebSession } from '#tests/helpers/web_session'

const owner = () => db.connection('owner')

async function plannedProject(agencyId: string) {
  const { clientId } = await createClient(agencyId, 'Soylent')
  return withTenant(agencyId, async () => {
    const project = await Project.create({ clientId, name: 'Relaunch', status: 'active', currency: 'USD', startDate: '2026-03-02' })
    const task = (title: string, startDate: string | null, dueDate: string | null, position: number) =>
      Task.create({ projectId: project.id, title, status: 'todo', priority: 'medium', position, startDate, dueDate, visibleToClient: false })
    const design = await task('Design', '2026-03-02', '2026-03-06', 0)
    const build = await task('Build', '2026-03-09', '2026-03-20', 1)
    const later = await task('Someday', null, null, 2)
    await TaskDependency.create({ projectId: project.id, taskId: build.id, dependsOnTaskId: design.id })
    await Milestone.create({ projectId: project.id, name: 'Launch', dueDate: '2026-03-27', status: 'open', position: 0 })
    return { projectId: project.id, designId: design.id, buildId: build.id, laterId: later.id }
  })
}

test.group('Gantt page', () => {
  test('shows tasks, milestones and dependencies; a manager of the project may reschedule', async ({ client, assert }) => {
    const a = await createAgency('Gantt')
    const { projectId, designId, buildId } = await plannedProject(a.agencyId)
    const session = await new WebSession(client).login(a.email, PASSWORD)
    const page = await session.page(`/projects/${projectId}/gantt`)
    assert.equal(page.component, 'projects/gantt')
    assert.containsSubset(page.props, {
      project: { id: projectId, name: 'Relaunch', client: { name: 'Soylent' }, startDate: '2026-03-02' },
      milestones: [{ name: 'Launch', dueDate: '2026-03-27' }],
      dependencies: [{ taskId: buildId, dependsOnTaskId: designId }],
      can: { reschedule: true, saveTemplate: true },
    })
    // Dated tasks first, in date order; undated last.
    assert.deepEqual(page.props.tasks.map((t: any) => t.title), ['Design', 'Build', 'Someday'])
  })

  test('dragging a bar saves both dates; bad dates are refused and change nothing', async ({ client, assert }) => {
    const a = await createAgency('Reschedule')
    const { projectId, designId, buildId } = await plannedProject(a.agencyId)
    const session = await new WebSession(client).login(a.email, PASSWORD)
    const from = `/projects/${projectId}/gantt`

    const moved = await session.send('patch', `/projects/${projectId}/gantt/tasks/${designId}`, { startDate: '2026-03-03', dueDate: '2026-03-07' }, from)
    moved.assertStatus(302)
    const design = await owner().from('tasks').where('id', designId).firstOrFail()
    assert.deepEqual([design.start_date, design.due_date], ['2026-03-03', '2026-03-07'])
    assert.lengthOf(await owner().from('audit_logs').where({ entity_id: designId }), 1)

    const reversed = await session.send('patch', `/projects/${projectId}/gantt/tasks/${buildId}`, { startDate: '2026-03-20', dueDate: '2026-03-09' }, from)
    reversed.assertStatus(302)
    assert.property((await session.page(from)).props.errors, 'dueDate')
    const invalid = await session.send('patch', `/projects/${projectId}/gantt/tasks/${buildId}`, { startDate: '2026-02-30', dueDate: '2026-03-20' }, from)
    invalid.assertStatus(302)
    const build = await owner().from('tasks').where('id', buildId).firstOrFail()
    assert.deepEqual([build.start_date, build.due_date], ['2026-03-09', '2026-03-20'])
  })

  test('a task of another project is a 404; members see the chart but cannot reschedule', async ({ client, assert }) => {
    const a = await createAgency('Gantt roles')
    const first = await plannedProject(a.agencyId)
    const second = await plannedProject(a.agencyId)
    const session = await new WebSession(client).login(a.email, PASSWORD)
    const wrong = await session.send('patch', `/projects/${second.projectId}/gantt/tasks/${first.designId}`, { startDate: '2026-03-03', dueDate: '2026-03-07' })
    wrong.assertStatus(404)

    const member = await createUser(a.agencyId, 'member')
    await withTenant(a.agencyId, () => ProjectMember.create({ projectId: first.projectId, userId: member.userId, role: 'member' }))
    const memberSession = await new WebSession(client).login(member.email, PASSWORD)
    const page = await memberSession.page(`/projects/${first.projectId}/gantt`)
    assert.containsSubset(page.props.can, { reschedule: false, saveTemplate: false })
    const refused = await memberSession.send('patch', `/projects/${first.projectId}/gantt/tasks/${first.designId}`, { startDate: '2026-03-03', dueDate: '2026-03-07' })
    refused.assertStatus(403)
    ;(await memberSession.get(`/projects/${second.projectId}/gantt`)).assertStatus(404)

    const other = await createAgency('Elsewhere')
    const otherSession = await new WebSession(client).login(other.email, PASSWORD)
    ;(await otherSession.get(`/projects/${first.projectId}/gantt`)).assertStatus(404)
  })
})
