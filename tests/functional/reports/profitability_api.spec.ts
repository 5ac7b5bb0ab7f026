import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { withTenant } from '#core/public/tenancy'
import ProjectMember from '#projects/models/project_member'
import { createUser } from '#tests/helpers/factories'
import { addProject, approveTime, logTime, timeTeam } from '#tests/helpers/time'

const owner = () => db.connection('owner')
const RANGE = { from: '2026-11-02', to: '2026-12-13' }

/**
 * Project A (budget 5,000.00; billed at the project's 150.00/h): the manager
 * costs 60.00/h, the member 40.00/h; a 123.45 expense with 15 % markup.
 * Project B (100.00/h, no budget): the same member, costing 50.00/h there,
 * managed by a second manager. One invoice per project is voided and
 * re-issued, a partial payment, a credit note, 20 % tax on B.
 */
async function agencyBooks(name: string) {
  const team = await timeTeam(name)
  const managerB = await createUser(team.agencyId, 'manager')
  const a = team.projectId
  const b = await addProject(
    team.agencyId,
    team.clientId,
    [{ userId: team.member.userId }, { userId: managerB.userId, role: 'manager' }],
    { name: 'Project B', hourlyRateCents: 10000 }
  )
  await withTenant(team.agencyId, async () => {
    await ProjectMember.query().where('projectId', b).where('userId', team.member.userId).update({ costRateCents: 5000 })
  })
  await owner().from('projects').where('id', a).update({ name: 'Project A', budget_cents: 500000 })

  const ids = [
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: a, date: '2026-10-30', seconds: 3600, billable: true }), // before the range
    await logTime(team.agencyId, team.manager.userId, 'manager', { projectId: a, date: '2026-11-03', seconds: 9000, billable: true }),
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: a, date: '2026-11-04', seconds: 10800, billable: true }),
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: a, date: '2026-11-05', seconds: 3600, billable: false }),
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: a, date: '2026-11-06', seconds: 1000, billable: true }),
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: b, date: '2026-11-09', seconds: 7200, billable: true }),
  ]
  await approveTime(ids)
  await owner().table('expenses').insert({
    agency_id: team.agencyId,
    project_id: a,
    user_id: team.member.userId,
    spent_on: '2026-11-04',
    amount_cents: 12345,
    currency: 'USD',
    category: 'Stock photos',
    billable: true,
    markup_basis_points: 1500,
    status: 'approved',
  })
  return { ...team, managerB, a, b }
}

async function buildInvoices(client: any, books: Awaited<ReturnType<typeof agencyBooks>>) {
  const token = books.owner.token
  const post = (url: string, body: object = {}) => client.post(url).bearerToken(token).json(body)

  // A: 10,26–11,08 → manager 9,000 s × 150.00 = 375.00; member 15,400 s × 150.00 = 641.666… → 641.67;
  // expense 123.45 + 15 % = 141.97. Subtotal 1,158.64, no tax. Paid 500.00 of it.
  const invoiceA = await post('/api/invoices', { projectId: books.a, from: '2026-10-26', to: '2026-11-08', issueDate: '2026-11-10', taxRate: 0 })
  invoiceA.assertStatus(201)
  const a = invoiceA.body().invoice
  ;(await post(`/api/invoices/${a.id}/send`)).assertStatus(200)
  ;(await post(`/api/invoices/${a.id}/payments`, { amount: 50000, paidOn: '2026-11-20', method: 'bank_transfer' })).assertStatus(201)

  // B: voided first (excluded), then re-issued with 20 % tax: 7,200 s × 100.00 = 200.00 + 40.00 tax,
  // paid in full, then a credit note of 60.00 (50.00 net of tax).
  const voided = (await post('/api/invoices', { projectId: books.b, from: '2026-11-02', to: '2026-11-15', issueDate: '2026-11-12' })).body().invoice
  ;(await post(`/api/invoices/${voided.id}/void`, { reason: 'Wrong period' })).assertStatus(200)
  const invoiceB = await post('/api/invoices', { projectId: books.b, from: '2026-11-02', to: '2026-11-15', issueDate: '2026-11-14', taxRate: 20 })
  invoiceB.assertStatus(201)
  const b = invoiceB.body().invoice
  ;(await post(`/api/invoices/${b.id}/send`)).assertStatus(200)
  ;(await post(`/api/invoices/${b.id}/payments`, { amount: 24000, paidOn: '2026-11-16', method: 'bank_transfer' })).assertStatus(201)
  ;(await post(`/api/invoices/${b.id}/credit-notes`, { amount: 6000, reason: 'Goodwill' })).assertStatus(201)
  // The credit note is dated today; pin it inside the range so the fixture does not depend on the clock.
  await owner().from('credit_notes').where('invoice_id', b.id).update({ issue_date: '2026-11-20' })
  return { a, b, voided }
}

const EXPECTED_A = {
  name: 'Project A',
  clientName: 'Books client',
  currency: 'USD',
  revenueInvoiced: 115864,
  revenuePaid: 50000,
  // time in range: (9,000 × 60.00 + 15,400 × 40.00) / 3600 = 321.111… → 321.11; expense at cost 123.45
  costTime: 32111,
  costExpenses: 12345,
  cost: 44456,
  margin: 71408,
  marginPercent: 62,
  budget: 500000,
  // to date (the 30 Oct hour too): 361.11 + 123.45
  spent: 48456,
  burnPercent: 10,
}

const EXPECTED_B = {
  name: 'Project B',
  revenueInvoiced: 15000,
  revenuePaid: 20000,
  costTime: 10000,
  costExpenses: 0,
  cost: 10000,
  margin: 5000,
  marginPercent: 33,
  budget: null,
  spent: 10000,
  burnPercent: null,
}

test.group('Reports: profitability', () => {
  test('owner: every project against the hand-computed fixture, and the summary', async ({ client, assert }) => {
    const books = await agencyBooks('Books')
    const invoices = await buildInvoices(client, books)
    assert.equal(invoices.a.subtotal, 115864)
    assert.equal(invoices.b.total, 24000)

    const response = await client.get('/api/reports/profitability').qs(RANGE).bearerToken(books.owner.token)
    response.assertStatus(200)
    const { projects, summary } = response.body()
    assert.deepEqual(
      projects.map((project: any) => project.projectId),
      [books.a, books.b]
    )
    assert.containsSubset(projects[0], { ...EXPECTED_A, clientId: books.clientId })
    assert.containsSubset(projects[1], EXPECTED_B)
    assert.deepEqual(summary, {
      currency: 'USD',
      totalBudget: 500000,
      totalSpent: 58456,
      revenueInvoiced: 130864,
      revenuePaid: 70000,
      cost: 54456,
      margin: 76408,
    })
  })

  test('the range decides: outside it, no revenue and no cost, but spend to date stays', async ({ client, assert }) => {
    const books = await agencyBooks('Range')
    await buildInvoices(client, books)
    const response = await client.get('/api/reports/profitability').qs({ from: '2026-10-01', to: '2026-10-31' }).bearerToken(books.owner.token)
    response.assertStatus(200)
    const [a] = response.body().projects
    // Only the 30 Oct hour: 3,600 × 40.00 = 40.00 of cost; nothing invoiced or paid in October.
    assert.containsSubset(a, { revenueInvoiced: 0, revenuePaid: 0, costTime: 4000, costExpenses: 0, margin: -4000, marginPercent: null, spent: 48456 })
  })

  test('a manager sees the projects they manage; a member gets 403', async ({ client, assert }) => {
    const books = await agencyBooks('Roles')
    await buildInvoices(client, books)
    const asManagerB = await client.get('/api/reports/profitability').qs(RANGE).bearerToken(books.managerB.token)
    asManagerB.assertStatus(200)
    assert.deepEqual(
      asManagerB.body().projects.map((project: any) => project.projectId),
      [books.b]
    )
    assert.containsSubset(asManagerB.body().projects[0], EXPECTED_B)
    assert.containsSubset(asManagerB.body().summary, { totalBudget: 0, revenueInvoiced: 15000, cost: 10000 })

    const asManagerA = await client.get('/api/reports/profitability').qs(RANGE).bearerToken(books.manager.token)
    asManagerA.assertStatus(200)
    assert.deepEqual(
      asManagerA.body().projects.map((project: any) => project.projectId),
      [books.a]
    )

    const asMember = await client.get('/api/reports/profitability').qs(RANGE).bearerToken(books.member.token)
    asMember.assertStatus(403)
    assert.match(JSON.stringify(asMember.body()), /owners and managers/)
  })

  test('another agency sees none of it', async ({ client, assert }) => {
    const books = await agencyBooks('Ours')
    await buildInvoices(client, books)
    const other = await timeTeam('Theirs')
    const response = await client.get('/api/reports/profitability').qs(RANGE).bearerToken(other.owner.token)
    response.assertStatus(200)
    assert.deepEqual(
      response.body().projects.map((project: any) => project.projectId),
      [other.projectId]
    )
    assert.containsSubset(response.body().summary, { totalBudget: 0, totalSpent: 0, revenueInvoiced: 0, revenuePaid: 0, cost: 0, margin: 0 })
  })

  test('bad ranges are 422 with the field', async ({ client, assert }) => {
    const team = await timeTeam('Ranges')
    const cases: Array<[Record<string, string>, string]> = [
      [{}, 'from'],
      [{ from: '2026-11-01' }, 'to'],
      [{ from: '2026-02-30', to: '2026-03-01' }, 'from'],
      [{ from: 'yesterday', to: '2026-03-01' }, 'from'],
      [{ from: '2026-11-10', to: '2026-11-01' }, 'to'],
      [{ from: '2025-01-01', to: '2026-01-02' }, 'to'],
    ]
    for (const [qs, field] of cases) {
      const response = await client.get('/api/reports/profitability').qs(qs).bearerToken(team.owner.token)
      response.assertStatus(422)
      assert.include(
        response.body().errors.map((error: any) => error.field),
        field,
        JSON.stringify(qs)
      )
    }
    // 366 days (a leap year, both ends included) is allowed.
    const leap = await client.get('/api/reports/profitability').qs({ from: '2024-01-01', to: '2024-12-31' }).bearerToken(team.owner.token)
    leap.assertStatus(200)
  })
})
