import { test } from '@japa/runner'
import { withTenant } from '#core/public/tenancy'
import Project from '#projects/models/project'
import Task from '#projects/models/task'
import Milestone from '#projects/models/milestone'
import { projectProgress, upcomingMilestones } from '#projects/queries/project_progress'
import { createAgency } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'

async function newProject(agencyId: string, name: string) {
  const { clientId } = await createClient(agencyId, `${name} client`)
  return withTenant(agencyId, async () => (await Project.create({ clientId, name, status: 'active', currency: 'EUR' })).id)
}

test.group('Project progress', () => {
  test('done tasks weigh by estimate, an unestimated task weighs one hour', async ({ assert }) => {
    const { agencyId } = await createAgency('Progress')
    const projectId = await newProject(agencyId, 'Weighted')
    const progress = await withTenant(agencyId, async () => {
      // done: 3 h + 1 h (no estimate) = 4 h; open: 5 h + 2 h = 7 h → 4 / 11 = 36.36 % → 36
      await Task.createMany([
        { projectId, title: 'A', status: 'done', estimateSeconds: 3 * 3600 },
        { projectId, title: 'B', status: 'done', estimateSeconds: null },
        { projectId, title: 'C', status: 'review', estimateSeconds: 5 * 3600 },
        { projectId, title: 'D', status: 'todo', estimateSeconds: 2 * 3600 },
      ])
      // milestones are ignored while the project has tasks
      await Milestone.create({ projectId, name: 'Ignored', status: 'open' })
      return projectProgress([projectId])
    })
    assert.equal(progress.get(projectId), 36)
  })

  test('without tasks, completed milestones out of all; with neither, 0', async ({ assert }) => {
    const { agencyId } = await createAgency('Milestone progress')
    const withMilestones = await newProject(agencyId, 'Milestones only')
    const empty = await newProject(agencyId, 'Empty')
    const progress = await withTenant(agencyId, async () => {
      const { DateTime } = await import('luxon')
      await Milestone.createMany([
        { projectId: withMilestones, name: 'Design', status: 'completed', completedAt: DateTime.now() },
        { projectId: withMilestones, name: 'Build', status: 'open', dueDate: '2030-02-01' },
        { projectId: withMilestones, name: 'Launch', status: 'open', dueDate: '2030-01-01' },
      ])
      return projectProgress([withMilestones, empty])
    })
    assert.equal(progress.get(withMilestones), 33)
    assert.equal(progress.get(empty), 0)

    const upcoming = await withTenant(agencyId, () => upcomingMilestones(withMilestones, 5))
    assert.deepEqual(
      upcoming.map((m) => [m.name, m.dueDate]),
      [
        ['Launch', '2030-01-01'],
        ['Build', '2030-02-01'],
      ]
    )
  })

  test('all done is 100, and another agency sees 0 for a project it cannot read', async ({ assert }) => {
    const { agencyId } = await createAgency('Done')
    const other = await createAgency('Other')
    const projectId = await newProject(agencyId, 'Finished')
    await withTenant(agencyId, () => Task.create({ projectId, title: 'Only', status: 'done', estimateSeconds: 7200 }))
    assert.equal((await withTenant(agencyId, () => projectProgress([projectId]))).get(projectId), 100)
    assert.equal((await withTenant(other.agencyId, () => projectProgress([projectId]))).get(projectId), 0)
  })
})
