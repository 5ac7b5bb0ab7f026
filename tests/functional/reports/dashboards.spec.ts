import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { withTenant } from '#core/public/tenancy'
import Task from '#projects/models/task'
import { PASSWORD } from '#tests/helpers/factories'
import { addProject, approveTime, logTime, timeTeam } from '#tests/helpers/time'
import { WebSession } from '#tests/helpers/web_session'

const owner = () => db.connection('owner')

/**
 * Today (UTC agency): the member logs 3 h on A (costing 40.00/h: 120.00 of a
 * 100.00 budget — over, 120 %) and 1 h on B (approved, invoiced 100.00 today,
 * 40.00 paid, due in two weeks), then submits the week: A's hours wait for
 * the manager. One open deal of 200.00 at 40 %. The member has tasks due.
 */
async function dashboardBooks(client: any) {
  const team = await timeTeam('Dash')
  const a = team.projectId
  const b = await addProject(team.agencyId, team.clientId, [{ userId: team.member.userId }], { name: 'Project B', hourlyRateCents: 10000 })
  await owner().from('projects').where('id', a).update({ name: 'Project A', budget_cents: 10000 })
  await owner().from('projects').where('id', b).update({ budget_cents: 100000 })
  const today = DateTime.now().setZone('UTC').startOf('day')
  const iso = today.toISODate()!
  const day = (offset: number) => today.plus({ days: offset }).toISODate()!

  await approveTime([await logTime(team.agencyId, team.member.userId, 'member', { projectId: b, date: iso, seconds: 3600, billable: true })])
  await logTime(team.agencyId, team.member.userId, 'member', { projectId: a, date: iso, seconds: 10800, billable: true })
  ;(await client.post('/api/timesheets/submit').bearerToken(team.member.token).json({ week: iso })).assertStatus(200)

  const post = async (url: string, body: object, status = 200) => {
    const response = await client.post(url).bearerToken(team.owner.token).json(body)
    response.assertStatus(status)
    return response.body()
  }
  const invoice = (await post('/api/invoices', { projectId: b, from: iso, to: iso, issueDate: iso, dueDate: day(14), taxRate: 0 }, 201)).invoice
  await post(`/api/invoices/${invoice.id}/send`, {})
  await post(`/api/invoices/${invoice.id}/payments`, { amount: 4000, paidOn: iso, method: 'card' }, 201)

  const proposal = await owner().from('deal_stages').where('agency_id', team.agencyId).where('name', 'Proposal').first()
  await owner().table('deals').insert({
    agency_id: team.agencyId,
    client_id: team.clientId,
    stage_id: proposal.id,
    title: 'Redesign',
    value_cents: 20000,
    currency: 'USD',
    probability: 40,
    expected_close_date: day(30),
    owner_user_id: team.manager.userId,
  })

  const tasks = await withTenant(team.agencyId, async () => {
    const task = (title: string, fields: Partial<Task>) =>
      Task.create({ projectId: a, title, status: 'todo', priority: 'medium', assigneeUserId: team.member.userId, ...fields })
    return {
      soon: await task('Soon', { dueDate: day(3) }),
      late: await task('Late', { dueDate: day(-2), status: 'in_progress', priority: 'high' }),
      later: await task('Later', { dueDate: day(10) }),
      done: await task('Done', { dueDate: iso, status: 'done' }),
      theirs: await task('Theirs', { dueDate: iso, assigneeUserId: team.manager.userId }),
      undated: await task('Undated', {}),
    }
  })
  return { team, a, b, iso, today, tasks }
}

test.group('Dashboards by role', () => {
  test('owner, manager and member each get their widgets, server-rendered', async ({ client, assert }) => {
    const { team, a, iso, today, tasks } = await dashboardBooks(client)

    // Owner
    const ownerWeb = await new WebSession(client).login(team.owner.email, PASSWORD)
    const ownerHtml = (await ownerWeb.get('/dashboard')).text()
    const ownerPage = await ownerWeb.page('/dashboard')
    assert.equal(ownerPage.component, 'core/dashboard/index')
    assert.equal(ownerPage.props.role, 'owner')
    const widgets = ownerPage.props.widgets
    assert.equal(widgets.kind, 'owner')
    assert.equal(widgets.today, iso)
    assert.equal(widgets.currency, 'USD')
    assert.deepEqual(widgets.revenueThisMonth, { month: iso.slice(0, 7), invoiced: 10000, paid: 4000 })
    assert.lengthOf(widgets.revenueMonths, 6)
    // The margin tile counts as the profitability report does, for this month so far.
    const monthly = await client.get(`/api/reports/profitability?from=${iso.slice(0, 8)}01&to=${iso}`).bearerToken(team.owner.token)
    const summary = monthly.body().summary
    assert.deepEqual(widgets.marginThisMonth, {
      revenue: summary.revenueInvoiced,
      cost: summary.cost,
      margin: summary.margin,
      marginPercent: summary.revenueInvoiced > 0 ? Math.round((summary.margin * 100) / summary.revenueInvoiced) : null,
    })
    assert.equal(widgets.marginThisMonth.revenue, 10000)
    assert.equal(widgets.revenueMonths[0].month, today.minus({ months: 5 }).toFormat('yyyy-MM'))
    assert.deepEqual(
      widgets.revenueMonths.slice(0, 5).map((month: any) => [month.invoiced, month.paid]),
      [[0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]
    )
    assert.deepEqual(widgets.receivables, {
      outstanding: 6000,
      overdue: 0,
      overdueCount: 0,
      buckets: [
        { label: '0–30', count: 0, amount: 0 },
        { label: '31–60', count: 0, amount: 0 },
        { label: '61–90', count: 0, amount: 0 },
        { label: '90+', count: 0, amount: 0 },
      ],
    })
    // 4 h logged against three people's 40 h/week for the month's days so far (half-up).
    const capacity = 3 * Math.floor((40 * 3600 * today.day * 2 + 7) / 14)
    assert.equal(widgets.utilizationAvg, Math.floor((14400 * 100 * 2 + capacity) / (capacity * 2)))
    assert.equal(widgets.pipelineWeighted, 8000)
    assert.deepEqual(widgets.overBudget, [
      { projectId: a, name: 'Project A', currency: 'USD', budget: 10000, spent: 12000, burnPercent: 120, overBudget: true },
    ])
    assert.include(ownerHtml, 'Weighted pipeline')
    assert.include(ownerHtml, 'Margin this month')
    assert.include(ownerHtml, 'Show revenue as a table')

    // Manager: the project they manage and the week waiting for them
    const managerWeb = await new WebSession(client).login(team.manager.email, PASSWORD)
    const managerPage = await managerWeb.page('/dashboard')
    assert.deepEqual(managerPage.props.widgets, {
      kind: 'manager',
      today: iso,
      currency: 'USD',
      projects: [{ projectId: a, name: 'Project A', currency: 'USD', budget: 10000, spent: 12000, burnPercent: 120, overBudget: true }],
      approvals: {
        count: 1,
        weeks: [{ userId: team.member.userId, name: 'member person', weekStart: today.startOf('week').toISODate(), seconds: 10800 }],
      },
    })
    assert.include((await managerWeb.get('/dashboard')).text(), 'Approvals waiting')

    // Member: tasks due within a week (late ones first), hours this week
    const memberWeb = await new WebSession(client).login(team.member.email, PASSWORD)
    const memberPage = await memberWeb.page('/dashboard')
    const mine = memberPage.props.widgets
    assert.equal(mine.kind, 'member')
    assert.deepEqual(
      mine.tasksDueSoon.map((task: any) => [task.taskId, task.title, task.projectName, task.overdue]),
      [
        [tasks.late.id, 'Late', 'Project A', true],
        [tasks.soon.id, 'Soon', 'Project A', false],
      ]
    )
    assert.deepEqual(mine.hoursThisWeek, {
      weekStart: today.startOf('week').toISODate(),
      weekEnd: today.endOf('week').toISODate(),
      loggedSeconds: 14400,
      billableSeconds: 14400,
    })
    assert.notProperty(mine, 'pipelineWeighted')
    const memberHtml = (await memberWeb.get('/dashboard')).text()
    assert.include(memberHtml, 'My tasks due soon')
    assert.include(memberHtml, 'Late')
    assert.notInclude(memberHtml, 'Weighted pipeline')
  })
})
