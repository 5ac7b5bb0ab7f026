import { DateTime } from 'luxon'
import Client from '#crm/models/client'
import Project from '#projects/models/project'
import ChangeProjectStatus from '#projects/actions/change_project_status'
import CreateProject from '#projects/actions/create_project'
import CreateTask from '#projects/actions/create_task'
import SaveProjectAsTemplate from '#projects/actions/save_project_as_template'
import UpdateProject from '#projects/actions/update_project'
import { AddProjectMember } from '#projects/actions/member_actions'
import { CompleteMilestone, CreateMilestone } from '#projects/actions/milestones'
import type { TaskInput } from '#projects/actions/task_inputs'

const day = (offset: number) => DateTime.now().plus({ days: offset }).toISODate()!

type DemoTask = TaskInput & { title: string; key: string; after?: string[] }

/** The storefront's plan: a board in every column, dependencies, and two milestones. */
const STOREFRONT_TASKS: DemoTask[] = [
  { key: 'discovery', title: 'Discovery workshop', status: 'done', priority: 'high', startDate: day(-30), dueDate: day(-27), estimateHours: 6 },
  { key: 'sitemap', title: 'Sitemap and user flows', status: 'done', startDate: day(-26), dueDate: day(-20), estimateHours: 12, after: ['discovery'] },
  { key: 'design', title: 'Design system and key screens', status: 'review', priority: 'high', startDate: day(-19), dueDate: day(-2), estimateHours: 40, after: ['sitemap'] },
  { key: 'cms', title: 'Headless CMS setup', status: 'in_progress', startDate: day(-10), dueDate: day(4), estimateHours: 16, after: ['sitemap'] },
  { key: 'checkout', title: 'Checkout integration', status: 'todo', priority: 'urgent', startDate: day(3), dueDate: day(17), estimateHours: 32, after: ['design', 'cms'] },
  { key: 'content', title: 'Content migration', status: 'todo', startDate: day(8), dueDate: day(20), estimateHours: 20, after: ['cms'], visibleToClient: true },
  { key: 'qa', title: 'QA and launch', status: 'todo', priority: 'high', startDate: day(21), dueDate: day(28), estimateHours: 16, after: ['checkout', 'content'], visibleToClient: true },
]

async function createPlan(projectId: string, tasks: DemoTask[], assignees: string[]) {
  const ids = new Map<string, string>()
  for (const [index, { key, after, ...task }] of tasks.entries()) {
    const created = await new CreateTask().handle(projectId, {
      ...task,
      assigneeId: assignees[index % assignees.length] ?? null,
      dependsOn: (after ?? []).map((other) => ids.get(other)!),
    })
    ids.set(key, created.id)
  }
  return ids
}

/**
 * Projects in every status, with teams and rates, a board, milestones,
 * dependencies, and a template saved from the storefront project.
 */
export async function seedDemoProjects(team: Map<string, string>) {
  const person = (email: string) => team.get(email)!

  // The two projects the won deals created.
  const storefront = await Project.findByOrFail('name', 'Storefront redesign')
  await new UpdateProject().handle(storefront, { startDate: day(-30), deadline: day(30), budgetSeconds: 320 * 3600, hourlyRateCents: 12_000 })
  await new ChangeProjectStatus().handle(storefront, 'active')
  await new AddProjectMember().handle(storefront.id, person('tom@brightwave.demo'), { role: 'member', costRateCents: 4_500 })
  await new AddProjectMember().handle(storefront.id, person('aiko@brightwave.demo'), { role: 'member', billableRateCents: 13_500 })
  const tasks = await createPlan(storefront.id, STOREFRONT_TASKS, [person('tom@brightwave.demo'), person('aiko@brightwave.demo')])
  const design = await new CreateMilestone().handle(storefront.id, {
    name: 'Design sign-off',
    dueDate: day(-1),
    amount: 1_600_000,
    taskIds: [tasks.get('discovery')!, tasks.get('sitemap')!],
  })
  await new CompleteMilestone().handle(design.id)
  await new CreateMilestone().handle(storefront.id, { name: 'Launch', dueDate: day(28), amount: 3_200_000, taskIds: [tasks.get('qa')!] })
  await new SaveProjectAsTemplate().handle({ projectId: storefront.id, name: 'Website launch', description: 'Discovery to launch in six weeks.' })

  const brand = await Project.findByOrFail('name', 'Brand refresh and booking site')
  await new UpdateProject().handle(brand, { startDate: day(-60), deadline: day(-5), billingType: 'fixed' })
  await new AddProjectMember().handle(brand.id, person('lena@brightwave.demo'), { role: 'member' })
  await createPlan(
    brand.id,
    [
      { key: 'logo', title: 'Logo refresh', status: 'done', startDate: day(-60), dueDate: day(-45), estimateHours: 20 },
      { key: 'booking', title: 'Booking widget', status: 'done', startDate: day(-40), dueDate: day(-10), estimateHours: 30, after: ['logo'] },
    ],
    [person('lena@brightwave.demo')]
  )
  await new ChangeProjectStatus().handle(brand, 'active')
  await new ChangeProjectStatus().handle(brand, 'completed')

  // A retainer on hold, and a project still being planned.
  const clients = new Map((await Client.query().select('id', 'companyName')).map((client) => [client.companyName, client.id]))
  const retainer = await new CreateProject().handle({
    clientId: clients.get('Northwind Outfitters')!,
    name: 'Storefront care retainer',
    billingType: 'retainer',
    retainerAmountCents: 450_000,
    retainerPeriod: 'monthly',
    retainerIncludedSeconds: 30 * 3600,
    retainerRolloverPeriods: 1,
    overageRateCents: 11_000,
    startDate: day(-90),
    managerIds: [person('marcus@brightwave.demo')],
  })
  await new AddProjectMember().handle(retainer.id, person('tom@brightwave.demo'), { role: 'member', weeklyAllocatedSeconds: 6 * 3600 })
  await new ChangeProjectStatus().handle(retainer, 'active')
  await new ChangeProjectStatus().handle(retainer, 'on_hold')

  const donations = await new CreateProject().handle({
    clientId: clients.get('Little Paws Rescue')!,
    name: 'Donation flow audit',
    billingType: 'fixed',
    budgetCents: 250_000,
    startDate: day(10),
    deadline: day(24),
    managerIds: [person('priya@brightwave.demo')],
  })
  await new AddProjectMember().handle(donations.id, person('lena@brightwave.demo'), { role: 'member' })
}
