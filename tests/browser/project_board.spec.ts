import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { withTenant } from '#core/public/tenancy'
import Project from '#projects/models/project'
import ProjectMember from '#projects/models/project_member'
import Task from '#projects/models/task'
import { createAgency, createUser, PASSWORD } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'
import { drag, open, signIn } from '#tests/helpers/browser_pages'

const positions = (projectId: string) =>
  db.connection('owner').from('tasks').where('project_id', projectId).orderBy(['status', 'position']).select('title', 'status', 'position')

test.group('Projects: task board', () => {
  test('drag a task across columns and reorder within one; add a dependency', async ({ browserContext, assert }) => {
    const agency = await createAgency('Board agency')
    const { clientId } = await createClient(agency.agencyId, 'Stark Industries')
    const projectId = await withTenant(agency.agencyId, async () => {
      const project = await Project.create({ clientId, name: 'Armor site', status: 'active', currency: 'USD' })
      await ProjectMember.create({ projectId: project.id, userId: agency.userId, role: 'manager' })
      await Task.createMany([
        { projectId: project.id, title: 'Sketch', position: 0 },
        { projectId: project.id, title: 'Build', position: 1 },
        { projectId: project.id, title: 'Test', position: 2 },
      ])
      return project.id
    })
    const page = await signIn(browserContext, agency.email, PASSWORD)
    const board = await open(browserContext, `/projects/${projectId}/board`)
    const card = (title: string) => board.getByRole('article', { name: title })

    await drag(board, card('Sketch'), board.getByRole('list', { name: 'Tasks in In progress' }))
    await board.getByText('“Sketch” moved to In progress').waitFor({ state: 'attached' })
    await drag(board, card('Test'), card('Build'), 5)
    await board.getByText('“Test” reordered in To do').waitFor({ state: 'attached' })
    assert.deepEqual(
      (await positions(projectId)).map((row) => [row.status, row.position, row.title]),
      [
        ['in_progress', 0, 'Sketch'],
        ['todo', 0, 'Test'],
        ['todo', 1, 'Build'],
      ]
    )

    // Keyboard: the Move menu.
    await board.getByRole('button', { name: 'Move “Build”' }).click()
    await board.getByRole('menuitem', { name: 'Move to Review' }).click()
    await board.getByText('“Build” moved to Review').waitFor({ state: 'attached' })

    // The dialog: Build depends on Sketch; then Sketch depending on Build is refused.
    await card('Build').getByRole('button', { name: 'Build', exact: true }).click()
    const dialog = board.getByRole('dialog', { name: 'Build' })
    await dialog.getByLabel('Add a task it depends on').selectOption({ label: 'Sketch' })
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await dialog.getByRole('button', { name: 'Remove dependency on Sketch' }).waitFor()
    await board.keyboard.press('Escape')
    await card('Build').getByText('Blocked').waitFor()

    await card('Sketch').getByRole('button', { name: 'Sketch', exact: true }).click()
    const sketch = board.getByRole('dialog', { name: 'Sketch' })
    await sketch.getByLabel('Add a task it depends on').selectOption({ label: 'Build' })
    await sketch.getByRole('button', { name: 'Add', exact: true }).click()
    await sketch.getByText(/would make a cycle/).waitFor()
    const edges = await db.connection('owner').from('task_dependencies').where('project_id', projectId)
    assert.lengthOf(edges, 1)
    await page.close()
  })

  test('a member signed in sees only the projects they are assigned to', async ({ browserContext }) => {
    const agency = await createAgency('Member view')
    const member = await createUser(agency.agencyId, 'member')
    const { clientId } = await createClient(agency.agencyId, 'Initech')
    await withTenant(agency.agencyId, async () => {
      const mine = await Project.create({ clientId, name: 'Assigned rebuild', status: 'active', currency: 'USD' })
      await Project.create({ clientId, name: 'Somebody else’s project', status: 'active', currency: 'USD' })
      await ProjectMember.create({ projectId: mine.id, userId: member.userId, role: 'member' })
    })

    const page = await signIn(browserContext, member.email, PASSWORD)
    await page.getByRole('link', { name: 'Projects' }).first().click()
    const table = page.getByRole('table', { name: 'Projects' })
    await table.getByRole('link', { name: 'Assigned rebuild' }).waitFor()
    await page.assertNotExists(table.getByRole('link', { name: 'Somebody else’s project' }))
    await page.assertNotExists(page.getByRole('link', { name: 'New project' }))
  })
})
