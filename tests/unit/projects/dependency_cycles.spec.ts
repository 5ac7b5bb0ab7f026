import { test } from '@japa/runner'
import { errors } from '@vinejs/vine'
import { withTenant } from '#core/public/tenancy'
import SetTaskDependencies from '#projects/actions/set_task_dependencies'
import Project from '#projects/models/project'
import Task from '#projects/models/task'
import TaskDependency from '#projects/models/task_dependency'
import { createAgency } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'

async function twoTasks() {
  const { agencyId } = await createAgency('Concurrent')
  const { clientId } = await createClient(agencyId)
  const [a, b] = await withTenant(agencyId, async () => {
    const project = await Project.create({ clientId, name: 'Race', status: 'active', currency: 'EUR' })
    return Task.createMany([
      { projectId: project.id, title: 'A' },
      { projectId: project.id, title: 'B' },
    ])
  })
  return { agencyId, a: a.id, b: b.id }
}

test.group('Task dependencies under concurrency', () => {
  test('two transactions adding A→B and B→A at once: the second sees the first and refuses the cycle', async ({ assert }) => {
    const { agencyId, a, b } = await twoTasks()
    let releaseFirst!: () => void
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve))
    let firstAdded!: () => void
    const added = new Promise<void>((resolve) => (firstAdded = resolve))

    const first = withTenant(agencyId, async () => {
      await new SetTaskDependencies().handle(await Task.findOrFail(a), [b])
      firstAdded()
      await firstHolds // still uncommitted while the second one starts
    })
    await added
    const second = withTenant(agencyId, async () => new SetTaskDependencies().handle(await Task.findOrFail(b), [a]))
    // Give the second transaction time to reach the lock before the first commits.
    await new Promise((resolve) => setTimeout(resolve, 200))
    releaseFirst()
    await first

    const error = await second.then(
      () => null,
      (caught) => caught
    )
    assert.instanceOf(error, errors.E_VALIDATION_ERROR)
    assert.equal(error.messages[0].field, 'dependsOn')
    const edges = await withTenant(agencyId, () => TaskDependency.query().select('taskId', 'dependsOnTaskId'))
    assert.deepEqual(
      edges.map((edge) => [edge.taskId, edge.dependsOnTaskId]),
      [[a, b]]
    )
  })
})
