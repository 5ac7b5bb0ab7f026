import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { withTenant } from '#core/public/tenancy'
import Project from '#projects/models/project'
import { createAgency, createUser, PASSWORD } from '#tests/helpers/factories'
import { assignToProject, createClient } from '#tests/helpers/crm'
import { WebSession } from '#tests/helpers/web_session'

async function newProject(agencyId: string, name = 'Website') {
  const { clientId } = await createClient(agencyId, `${name} client`)
  return withTenant(agencyId, async () => (await Project.create({ clientId, name, status: 'active', currency: 'EUR' })).id)
}

test.group('Task pages', () => {
  test('the board shows four columns; quick add, moves and the task dialog work through the page routes', async ({ client, assert }) => {
    const agency = await createAgency('Board pages')
    const projectId = await newProject(agency.agencyId, 'Relaunch')
    const web = await new WebSession(client).login(agency.email, PASSWORD)
    const board = `/projects/${projectId}/board`

    for (const title of ['Brief', 'Wireframes']) {
      const added = await web.send('post', `/projects/${projectId}/tasks`, { title, status: 'todo' }, board)
      assert.equal(added.header('location'), board)
    }
    let page = await web.page(board)
    assert.equal(page.component, 'projects/board')
    assert.deepInclude(page.props.project, { id: projectId, name: 'Relaunch', client: { id: page.props.project.client.id, name: 'Relaunch client' } })
    assert.deepEqual(page.props.columns.map((c: any) => c.status), ['todo', 'in_progress', 'review', 'done'])
    assert.deepEqual(page.props.columns[0].tasks.map((t: any) => t.title), ['Brief', 'Wireframes'])
    assert.isTrue(page.props.canManage)
    assert.isNull(page.props.openTask)

    const [brief, wireframes] = page.props.columns[0].tasks
    await web.send('patch', `/tasks/${wireframes.id}`, { status: 'in_progress', position: 0 }, board)
    await web.send('patch', `/tasks/${brief.id}`, { dependsOn: [wireframes.id] }, board)
    await web.send('post', `/tasks/${brief.id}/comments`, { body: 'Client prefers blue' }, board)
    const checklist = await web.send('post', `/tasks/${brief.id}/checklist`, { label: 'Moodboard' }, `${board}?task=${brief.id}`)
    assert.equal(checklist.header('location'), `${board}?task=${brief.id}`, 'back to the page with the task still open')

    page = await web.page(`${board}?task=${brief.id}`)
    assert.deepEqual(page.props.columns[1].tasks.map((t: any) => [t.title, t.position]), [['Wireframes', 0]])
    assert.deepInclude(page.props.columns[0].tasks[0], { title: 'Brief', position: 0, blocked: true, checklist: { done: 0, total: 1 } })
    assert.equal(page.props.openTask.id, brief.id)
    assert.deepEqual(page.props.openTask.comments.map((c: any) => c.body), ['Client prefers blue'])
    assert.deepEqual(page.props.openTask.dependsOn, [wireframes.id])

    // A cycle from the dialog comes back as a field error on dependsOn.
    const cycle = await web.send('patch', `/tasks/${wireframes.id}`, { dependsOn: [brief.id] }, board)
    assert.equal(cycle.status(), 302)
    const withError = await web.page(board)
    assert.match(withError.props.errors.dependsOn, /cycle/)
  })

  test('the list view filters; a member sees assigned projects only', async ({ client, assert }) => {
    const agency = await createAgency('List pages')
    const member = await createUser(agency.agencyId, 'member')
    const assigned = await newProject(agency.agencyId, 'Assigned')
    const hidden = await newProject(agency.agencyId, 'Hidden')
    await assignToProject(agency.agencyId, assigned, member.userId)
    const owner = await new WebSession(client).login(agency.email, PASSWORD)
    await owner.send('post', `/projects/${assigned}/tasks`, { title: 'Urgent thing', priority: 'urgent' })
    await owner.send('post', `/projects/${assigned}/tasks`, { title: 'Calm thing', priority: 'low' })

    const list = await owner.page(`/projects/${assigned}/tasks?priority=urgent`)
    assert.equal(list.component, 'projects/tasks')
    assert.deepEqual(list.props.list.tasks.map((t: any) => t.title), ['Urgent thing'])
    assert.equal(list.props.list.total, 1)

    const web = await new WebSession(client).login(member.email, PASSWORD)
    const board = await web.page(`/projects/${assigned}/board`)
    assert.isFalse(board.props.canManage)
    assert.isTrue(board.props.canWork)
    const task = board.props.columns[0].tasks.find((t: any) => t.title === 'Calm thing')
    await web.send('patch', `/tasks/${task.id}`, { status: 'review', position: 0 }, `/projects/${assigned}/board`)
    const stored = await db.connection('owner').from('tasks').where('id', task.id).first()
    assert.equal(stored.status, 'review')

    assert.equal((await web.get(`/projects/${hidden}/board`)).status(), 404)
    assert.equal((await web.get(`/projects/${hidden}/tasks`)).status(), 404)
    assert.equal((await web.get(`/projects/${hidden}/milestones`)).status(), 404)
  })

  test('the milestones page lists and completes', async ({ client, assert }) => {
    const agency = await createAgency('Milestone pages')
    const projectId = await newProject(agency.agencyId)
    const web = await new WebSession(client).login(agency.email, PASSWORD)
    const url = `/projects/${projectId}/milestones`
    await web.send('post', url, { name: 'Launch', dueDate: '2030-06-01', amount: 120_000 }, url)
    let page = await web.page(url)
    assert.equal(page.component, 'projects/milestones')
    const [launch] = page.props.milestones
    assert.deepInclude(launch, { name: 'Launch', amount: 120_000, status: 'open' })

    await web.send('post', `/milestones/${launch.id}/complete`, {}, url)
    page = await web.page(url)
    assert.equal(page.props.milestones[0].status, 'completed')
    assert.include(page.props.flash.success, 'completed')
  })
})
