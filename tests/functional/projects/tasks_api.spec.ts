import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { withTenant } from '#core/public/tenancy'
import Project from '#projects/models/project'
import ProjectMember from '#projects/models/project_member'
import { createAgency, createUser } from '#tests/helpers/factories'
import { assignToProject, createClient } from '#tests/helpers/crm'

async function newProject(agencyId: string, name = 'Website') {
  const { clientId } = await createClient(agencyId, `${name} client`)
  return withTenant(agencyId, async () => (await Project.create({ clientId, name, status: 'active', currency: 'EUR' })).id)
}

function dependencyCount(projectId: string) {
  return db
    .connection('owner')
    .from('task_dependencies')
    .where('project_id', projectId)
    .count('* as total')
    .first()
    .then((row) => Number(row.total))
}

test.group('Tasks API', () => {
  test('POST /api/projects/:id/tasks answers 201 with the task', async ({ client, assert }) => {
    const agency = await createAgency('Tasks')
    const projectId = await newProject(agency.agencyId)
    const first = await client.post(`/api/projects/${projectId}/tasks`).bearerToken(agency.token).json({ title: 'Wireframes' })
    first.assertStatus(201)

    const response = await client
      .post(`/api/projects/${projectId}/tasks`)
      .bearerToken(agency.token)
      .json({
        title: 'Design system',
        dependsOn: [first.body().task.id],
        status: 'in_progress',
        priority: 'high',
        assigneeId: agency.userId,
        startDate: '2030-03-01',
        dueDate: '2030-03-10',
        estimateHours: 7.5,
        description: 'Tokens and components',
        visibleToClient: true,
      })
    response.assertStatus(201)
    assert.deepInclude(response.body().task, {
      projectId,
      title: 'Design system',
      status: 'in_progress',
      priority: 'high',
      assigneeId: agency.userId,
      startDate: '2030-03-01',
      dueDate: '2030-03-10',
      estimateHours: 7.5,
      description: 'Tokens and components',
      visibleToClient: true,
      dependsOn: [first.body().task.id],
      blocked: true,
      position: 0,
    })
    const stored = await db.connection('owner').from('tasks').where('id', response.body().task.id).first()
    assert.equal(stored.estimate_seconds, 27_000)

    const list = await client.get(`/api/projects/${projectId}/tasks`).bearerToken(agency.token)
    list.assertStatus(200)
    assert.equal(list.body().total, 2)
    assert.lengthOf(list.body().tasks, 2)

    const shown = await client.get(`/api/tasks/${first.body().task.id}`).bearerToken(agency.token)
    assert.deepInclude(shown.body().task, { title: 'Wireframes', status: 'todo', comments: [], checklistItems: [] })
  })

  test('bad input is a 422 on the field', async ({ client, assert }) => {
    const agency = await createAgency('Bad tasks')
    const projectId = await newProject(agency.agencyId)
    const empty = await client.post(`/api/projects/${projectId}/tasks`).bearerToken(agency.token).json({ title: '' })
    empty.assertStatus(422)
    assert.equal(empty.body().errors[0].field, 'title')
    const dates = await client
      .post(`/api/projects/${projectId}/tasks`)
      .bearerToken(agency.token)
      .json({ title: 'Backwards', startDate: '2030-03-10', dueDate: '2030-03-01' })
    dates.assertStatus(422)
    assert.equal(dates.body().errors[0].field, 'dueDate')
  })

  test('a direct cycle (A↔B) is a 422 on dependsOn and writes nothing', async ({ client, assert }) => {
    const agency = await createAgency('Cycle 2')
    const projectId = await newProject(agency.agencyId)
    const a = (await client.post(`/api/projects/${projectId}/tasks`).bearerToken(agency.token).json({ title: 'A' })).body().task
    const b = (await client.post(`/api/projects/${projectId}/tasks`).bearerToken(agency.token).json({ title: 'B', dependsOn: [a.id] })).body().task

    const response = await client.patch(`/api/tasks/${a.id}`).bearerToken(agency.token).json({ title: 'A renamed', dependsOn: [b.id] })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'dependsOn')
    assert.match(response.body().errors[0].message, /cycle/)
    assert.equal(await dependencyCount(projectId), 1)
    const stored = await db.connection('owner').from('tasks').where('id', a.id).first()
    assert.equal(stored.title, 'A')
  })

  test('a cycle through three tasks (A→B→C→A) is a 422', async ({ client, assert }) => {
    const agency = await createAgency('Cycle 3')
    const projectId = await newProject(agency.agencyId)
    const create = async (title: string, dependsOn: string[] = []) =>
      (await client.post(`/api/projects/${projectId}/tasks`).bearerToken(agency.token).json({ title, dependsOn })).body().task
    const a = await create('A')
    const b = await create('B', [a.id])
    const c = await create('C', [b.id])

    const response = await client.patch(`/api/tasks/${a.id}`).bearerToken(agency.token).json({ dependsOn: [c.id] })
    response.assertStatus(422)
    assert.deepInclude(response.body().errors[0], { field: 'dependsOn', rule: 'cycle' })
    assert.equal(await dependencyCount(projectId), 2)

    const self = await client.patch(`/api/tasks/${a.id}`).bearerToken(agency.token).json({ dependsOn: [a.id] })
    self.assertStatus(422)

    // Removing a dependency works, and then the other direction is fine.
    const removed = await client.patch(`/api/tasks/${c.id}`).bearerToken(agency.token).json({ dependsOn: [] })
    assert.deepEqual(removed.body().task.dependsOn, [])
    const now = await client.patch(`/api/tasks/${a.id}`).bearerToken(agency.token).json({ dependsOn: [c.id] })
    now.assertStatus(200)
    assert.deepEqual(now.body().task.dependsOn, [c.id])
  })

  test('a dependency on another project’s task is a 422', async ({ client, assert }) => {
    const agency = await createAgency('Across')
    const first = await newProject(agency.agencyId, 'First')
    const second = await newProject(agency.agencyId, 'Second')
    const other = (await client.post(`/api/projects/${second}/tasks`).bearerToken(agency.token).json({ title: 'Elsewhere' })).body().task
    const response = await client.post(`/api/projects/${first}/tasks`).bearerToken(agency.token).json({ title: 'Here', dependsOn: [other.id] })
    response.assertStatus(422)
    assert.equal(response.body().errors[0].field, 'dependsOn')
    const count = await db.connection('owner').from('tasks').where('project_id', first).count('* as total').first()
    assert.equal(Number(count.total), 0)
  })

  test('board moves keep positions dense in both columns', async ({ client, assert }) => {
    const agency = await createAgency('Board')
    const projectId = await newProject(agency.agencyId)
    const ids: Record<string, string> = {}
    for (const title of ['T1', 'T2', 'T3']) {
      ids[title] = (await client.post(`/api/projects/${projectId}/tasks`).bearerToken(agency.token).json({ title })).body().task.id
    }
    ids.R1 = (await client.post(`/api/projects/${projectId}/tasks`).bearerToken(agency.token).json({ title: 'R1', status: 'review' })).body().task.id

    // Across: T2 to the top of review; within: T3 to the top of todo.
    const across = await client.patch(`/api/tasks/${ids.T2}`).bearerToken(agency.token).json({ status: 'review', position: 0 })
    across.assertStatus(200)
    await client.patch(`/api/tasks/${ids.T3}`).bearerToken(agency.token).json({ position: 0 })

    const rows = await db.connection('owner').from('tasks').where('project_id', projectId).orderBy(['status', 'position'])
    assert.deepEqual(
      rows.map((row) => [row.status, row.position, row.title]),
      [
        ['review', 0, 'T2'],
        ['review', 1, 'R1'],
        ['todo', 0, 'T3'],
        ['todo', 1, 'T1'],
      ]
    )

    // Done sets completedAt; deleting closes the gap.
    const done = await client.patch(`/api/tasks/${ids.T3}`).bearerToken(agency.token).json({ status: 'done' })
    assert.isString(done.body().task.completedAt)
    ;(await client.delete(`/api/tasks/${ids.T2}`).bearerToken(agency.token)).assertStatus(204)
    const review = await db.connection('owner').from('tasks').where({ project_id: projectId, status: 'review' })
    assert.deepEqual(review.map((row) => [row.title, row.position]), [['R1', 0]])
  })

  test('a member moves tasks of an assigned project, may not edit them, and gets 404 elsewhere', async ({ client, assert }) => {
    const agency = await createAgency('Members')
    const member = await createUser(agency.agencyId, 'member')
    const assigned = await newProject(agency.agencyId, 'Assigned')
    const unassigned = await newProject(agency.agencyId, 'Unassigned')
    await assignToProject(agency.agencyId, assigned, member.userId)
    const task = (await client.post(`/api/projects/${assigned}/tasks`).bearerToken(agency.token).json({ title: 'Mine' })).body().task
    const hidden = (await client.post(`/api/projects/${unassigned}/tasks`).bearerToken(agency.token).json({ title: 'Hidden' })).body().task

    const moved = await client.patch(`/api/tasks/${task.id}`).bearerToken(member.token).json({ status: 'in_progress', assigneeId: member.userId })
    moved.assertStatus(200)
    assert.deepInclude(moved.body().task, { status: 'in_progress', assigneeId: member.userId })

    const renamed = await client.patch(`/api/tasks/${task.id}`).bearerToken(member.token).json({ title: 'Renamed' })
    renamed.assertStatus(403)
    const toOwner = await client.patch(`/api/tasks/${task.id}`).bearerToken(member.token).json({ assigneeId: agency.userId })
    toOwner.assertStatus(403)
    ;(await client.post(`/api/projects/${assigned}/tasks`).bearerToken(member.token).json({ title: 'New' })).assertStatus(403)

    const comment = await client.post(`/api/tasks/${task.id}/comments`).bearerToken(member.token).json({ body: 'On it' })
    comment.assertStatus(201)
    assert.deepInclude(comment.body().comment, { authorId: member.userId, body: 'On it' })

    ;(await client.patch(`/api/tasks/${hidden.id}`).bearerToken(member.token).json({ status: 'done' })).assertStatus(404)
    ;(await client.get(`/api/tasks/${hidden.id}`).bearerToken(member.token)).assertStatus(404)
    ;(await client.get(`/api/projects/${unassigned}/tasks`).bearerToken(member.token)).assertStatus(404)
    const stored = await db.connection('owner').from('tasks').where('id', hidden.id).first()
    assert.equal(stored.status, 'todo')
  })

  test('a manager changes the tasks of projects they manage; other projects are a 404', async ({ client, assert }) => {
    const agency = await createAgency('Managers')
    const manager = await createUser(agency.agencyId, 'manager')
    const managed = await newProject(agency.agencyId, 'Managed')
    const elsewhere = await newProject(agency.agencyId, 'Elsewhere')
    await withTenant(agency.agencyId, () => ProjectMember.create({ projectId: managed, userId: manager.userId, role: 'manager' }))

    const created = await client.post(`/api/projects/${managed}/tasks`).bearerToken(manager.token).json({ title: 'Plan', estimateHours: 2 })
    created.assertStatus(201)
    ;(await client.post(`/api/projects/${elsewhere}/tasks`).bearerToken(manager.token).json({ title: 'Nope' })).assertStatus(404)
    ;(await client.get(`/api/projects/${elsewhere}/tasks`).bearerToken(manager.token)).assertStatus(404)

    // On the team as a plain member, a manager works like a member.
    const teamed = await newProject(agency.agencyId, 'Teamed')
    await assignToProject(agency.agencyId, teamed, manager.userId)
    const refused = await client.post(`/api/projects/${teamed}/tasks`).bearerToken(manager.token).json({ title: 'Nope' })
    refused.assertStatus(403)
    assert.match(refused.body().errors[0].message, /managers of this project/)
  })

  test('another agency’s task is a 404', async ({ client }) => {
    const agency = await createAgency('Mine')
    const other = await createAgency('Theirs')
    const projectId = await newProject(agency.agencyId)
    const task = (await client.post(`/api/projects/${projectId}/tasks`).bearerToken(agency.token).json({ title: 'Private' })).body().task
    ;(await client.get(`/api/tasks/${task.id}`).bearerToken(other.token)).assertStatus(404)
    ;(await client.patch(`/api/tasks/${task.id}`).bearerToken(other.token).json({ status: 'done' })).assertStatus(404)
    ;(await client.delete(`/api/tasks/${task.id}`).bearerToken(other.token)).assertStatus(404)
    ;(await client.post(`/api/projects/${projectId}/tasks`).bearerToken(other.token).json({ title: 'Intruder' })).assertStatus(404)
  })

  test('checklist: managers add items, members tick them', async ({ client, assert }) => {
    const agency = await createAgency('Checklist')
    const member = await createUser(agency.agencyId, 'member')
    const projectId = await newProject(agency.agencyId)
    await assignToProject(agency.agencyId, projectId, member.userId)
    const task = (await client.post(`/api/projects/${projectId}/tasks`).bearerToken(agency.token).json({ title: 'Launch' })).body().task
    const item = await client.post(`/api/tasks/${task.id}/checklist`).bearerToken(agency.token).json({ label: 'DNS' })
    item.assertStatus(201)
    await client.post(`/api/tasks/${task.id}/checklist`).bearerToken(agency.token).json({ label: 'SSL' })

    const ticked = await client.patch(`/api/checklist-items/${item.body().item.id}`).bearerToken(member.token).json({ done: true })
    ticked.assertStatus(200)
    assert.isTrue(ticked.body().item.done)
    ;(await client.patch(`/api/checklist-items/${item.body().item.id}`).bearerToken(member.token).json({ label: 'x' })).assertStatus(403)

    const shown = await client.get(`/api/tasks/${task.id}`).bearerToken(agency.token)
    assert.deepEqual(shown.body().task.checklist, { done: 1, total: 2 })
    assert.deepEqual(shown.body().task.checklistItems.map((i: any) => [i.label, i.position]), [['DNS', 0], ['SSL', 1]])
    ;(await client.delete(`/api/checklist-items/${item.body().item.id}`).bearerToken(agency.token)).assertStatus(204)
  })

  test('the list filters, sorts and paginates with the total', async ({ client, assert }) => {
    const agency = await createAgency('List')
    const projectId = await newProject(agency.agencyId)
    const post = (body: object) => client.post(`/api/projects/${projectId}/tasks`).bearerToken(agency.token).json(body)
    await post({ title: 'Alpha', priority: 'urgent', dueDate: '2030-01-05' })
    await post({ title: 'Beta', priority: 'low', dueDate: '2030-01-20', assigneeId: agency.userId })
    await post({ title: 'Gamma', priority: 'urgent', status: 'done' })

    const urgent = await client.get(`/api/projects/${projectId}/tasks`).qs({ priority: 'urgent', sort: 'title', direction: 'desc' }).bearerToken(agency.token)
    assert.deepEqual(urgent.body().tasks.map((t: any) => t.title), ['Gamma', 'Alpha'])
    const due = await client.get(`/api/projects/${projectId}/tasks`).qs({ dueBefore: '2030-01-10' }).bearerToken(agency.token)
    assert.deepEqual(due.body().tasks.map((t: any) => t.title), ['Alpha'])
    const mine = await client.get(`/api/projects/${projectId}/tasks`).qs({ assigneeId: agency.userId }).bearerToken(agency.token)
    assert.deepEqual(mine.body().tasks.map((t: any) => t.title), ['Beta'])
    const paged = await client.get(`/api/projects/${projectId}/tasks`).qs({ perPage: 2, page: 2, sort: 'title' }).bearerToken(agency.token)
    assert.deepInclude(paged.body(), { total: 3, page: 2, perPage: 2 })
    assert.deepEqual(paged.body().tasks.map((t: any) => t.title), ['Gamma'])
  })
})
