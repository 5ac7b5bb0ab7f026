import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { withTenant } from '#core/public/tenancy'
import Project from '#projects/models/project'
import Task from '#projects/models/task'
import ChecklistItem from '#projects/models/checklist_item'
import ProjectMember from '#projects/models/project_member'
import { createAgency, createUser } from '#tests/helpers/factories'
import { assignToProject, createClient } from '#tests/helpers/crm'
import { asRuntimeRole } from '#tests/helpers/runtime_role'

async function fixture() {
  const agency = await createAgency('Task RLS')
  const member = await createUser(agency.agencyId, 'member')
  const { clientId } = await createClient(agency.agencyId)
  const ids = await withTenant(agency.agencyId, async () => {
    const assigned = await Project.create({ clientId, name: 'Assigned', status: 'active', currency: 'EUR' })
    const other = await Project.create({ clientId, name: 'Other', status: 'active', currency: 'EUR' })
    const task = await Task.create({ projectId: assigned.id, title: 'Visible' })
    const hidden = await Task.create({ projectId: other.id, title: 'Hidden' })
    const item = await ChecklistItem.create({ projectId: assigned.id, taskId: task.id, label: 'Tick me' })
    return { assigned: assigned.id, task: task.id, hidden: hidden.id, item: item.id }
  })
  await assignToProject(agency.agencyId, ids.assigned, member.userId)
  const asMember = { agencyId: agency.agencyId, userId: member.userId, role: 'member' }
  return { agency, member, asMember, ...ids }
}

const failsWith = async (work: Promise<unknown>, pattern: RegExp) => {
  const error = await work.then(
    () => null,
    (caught: Error) => caught
  )
  if (!error || !pattern.test(error.message)) throw new Error(`expected an error matching ${pattern}, got ${error?.message ?? 'none'}`)
}

test.group('Tasks RLS (database rules for members)', () => {
  test('a member reads the tasks of assigned projects only', async ({ assert }) => {
    const { asMember, task, hidden } = await fixture()
    const rows: { id: string }[] = await asRuntimeRole(asMember, (trx) => trx.from('tasks').select('id'))
    assert.deepEqual(
      rows.map((row: { id: string }) => row.id),
      [task]
    )
    assert.notInclude(
      rows.map((row: { id: string }) => row.id),
      hidden
    )
  })

  test('a member moves and takes a task, but cannot rename it, assign others, insert or delete', async ({ assert }) => {
    const { asMember, member, agency, task, assigned, item } = await fixture()
    await asRuntimeRole(asMember, async (trx) => {
      const moved = await trx.from('tasks').where('id', task).update({ status: 'review', position: 3, assignee_user_id: member.userId })
      assert.equal(moved, 1)
      const ticked = await trx.from('checklist_items').where('id', item).update({ done: true })
      assert.equal(ticked, 1)
      const comment = await trx.table('task_comments').insert({ agency_id: agency.agencyId, project_id: assigned, task_id: task, author_user_id: member.userId, body: 'Hi' })
      assert.ok(comment)
    })
    await failsWith(asRuntimeRole(asMember, (trx) => trx.from('tasks').where('id', task).update({ title: 'Renamed' })), /only the status/)
    await failsWith(asRuntimeRole(asMember, (trx) => trx.from('tasks').where('id', task).update({ assignee_user_id: agency.userId })), /only to themselves/)
    await failsWith(asRuntimeRole(asMember, (trx) => trx.from('checklist_items').where('id', item).update({ label: 'x' })), /only tick/)
    await failsWith(
      asRuntimeRole(asMember, (trx) => trx.table('tasks').insert({ agency_id: agency.agencyId, project_id: assigned, title: 'New' })),
      /row-level security/
    )
    await failsWith(
      asRuntimeRole(asMember, (trx) =>
        trx.table('task_comments').insert({ agency_id: agency.agencyId, project_id: assigned, task_id: task, author_user_id: agency.userId, body: 'Forged' })
      ),
      /row-level security/
    )
    const deleted = await asRuntimeRole(asMember, (trx) => trx.from('tasks').where('id', task).delete())
    assert.equal(deleted, 0)
    const stored = await db.connection('owner').from('tasks').where('id', task).first()
    assert.equal(stored.title, 'Visible')
  })

  test('an agency manager reads and writes the tasks of projects they manage only', async ({ assert }) => {
    const { agency, task, hidden, assigned } = await fixture()
    const manager = await createUser(agency.agencyId, 'manager')
    await withTenant(agency.agencyId, () => ProjectMember.create({ projectId: assigned, userId: manager.userId, role: 'manager' }))
    const asManager = { agencyId: agency.agencyId, userId: manager.userId, role: 'manager' }
    await asRuntimeRole(asManager, async (trx) => {
      const rows = await trx.from('tasks').select('id')
      assert.deepEqual(
        rows.map((row: { id: string }) => row.id),
        [task]
      )
      assert.equal(await trx.from('tasks').where('id', task).update({ title: 'Renamed by manager' }), 1)
      assert.equal(await trx.from('tasks').where('id', hidden).update({ title: 'Not theirs' }), 0)
    })
  })

  test('the database refuses a dependency on another project’s task and on itself', async () => {
    const { agency, task, hidden, assigned } = await fixture()
    const asOwner = { agencyId: agency.agencyId, userId: agency.userId, role: 'owner' }
    await failsWith(
      asRuntimeRole(asOwner, (trx) =>
        trx.table('task_dependencies').insert({ agency_id: agency.agencyId, project_id: assigned, task_id: task, depends_on_task_id: hidden })
      ),
      /foreign key/
    )
    await failsWith(
      asRuntimeRole(asOwner, (trx) =>
        trx.table('task_dependencies').insert({ agency_id: agency.agencyId, project_id: assigned, task_id: task, depends_on_task_id: task })
      ),
      /check constraint/
    )
  })
})
