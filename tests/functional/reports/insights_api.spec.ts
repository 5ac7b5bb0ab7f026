import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { createUser } from '#tests/helpers/factories'
import { addProject, approveTime, logTime, timeTeam } from '#tests/helpers/time'

const owner = () => db.connection('owner')

type Team = Awaited<ReturnType<typeof timeTeam>>

/** A second project (100.00/h) with the member on it, managed by a second manager. */
async function withProjectB(team: Team) {
  const managerB = await createUser(team.agencyId, 'manager')
  const b = await addProject(
    team.agencyId,
    team.clientId,
    [{ userId: team.member.userId }, { userId: managerB.userId, role: 'manager' }],
    { name: 'Project B', hourlyRateCents: 10000 }
  )
  return { managerB, b }
}

function poster(client: any, token: string) {
  return async (url: string, body: object = {}, status = 200) => {
    const response = await client.post(url).bearerToken(token).json(body)
    response.assertStatus(status)
    return response.body()
  }
}

test.group('Reports: pipeline forecast', () => {
  test('weighted by expected close month, rounded once per month and for the total; managers see the deals they own', async ({ client, assert }) => {
    const team = await timeTeam('Pipeline')
    const stages = await owner().from('deal_stages').where('agency_id', team.agencyId).select('id', 'name')
    const stage = (name: string) => stages.find((row) => row.name === name)!.id
    const deal = (title: string, stageName: string, value: number, probability: number, close: string | null, ownerUserId: string) => ({
      agency_id: team.agencyId,
      client_id: team.clientId,
      stage_id: stage(stageName),
      title,
      value_cents: value,
      currency: 'USD',
      probability,
      expected_close_date: close,
      owner_user_id: ownerUserId,
    })
    await owner()
      .table('deals')
      .insert([
        deal('D1', 'Lead', 100000, 10, '2027-01-15', team.manager.userId), // 1,000,000
        deal('D2', 'Proposal', 33333, 40, '2027-01-20', team.owner.userId), // 1,333,320
        deal('D3', 'Negotiation', 12345, 70, '2027-02-03', team.manager.userId), // 864,150
        deal('D4', 'Proposal', 5000, 33, null, team.manager.userId), // 165,000
        deal('Won', 'Won', 999999, 100, '2027-01-10', team.manager.userId),
        deal('Lost', 'Lost', 50000, 0, '2027-01-10', team.manager.userId),
      ])

    const all = await client.get('/api/reports/pipeline').bearerToken(team.owner.token)
    all.assertStatus(200)
    assert.deepEqual(all.body(), {
      currency: 'USD',
      months: [
        // (1,000,000 + 1,333,320) / 100 = 23,333.2 → 23,333
        { month: '2027-01', weighted: 23333, total: 133333, deals: 2 },
        // 864,150 / 100 = 8,641.5 → 8,642 (half-up)
        { month: '2027-02', weighted: 8642, total: 12345, deals: 1 },
      ],
      noDate: { weighted: 1650, total: 5000, deals: 1 },
      // 3,362,470 / 100 = 33,624.7 → 33,625
      totalWeighted: 33625,
      total: 150678,
      deals: 4,
    })

    const mine = await client.get('/api/reports/pipeline').bearerToken(team.manager.token)
    mine.assertStatus(200)
    assert.deepEqual(mine.body().months, [
      { month: '2027-01', weighted: 10000, total: 100000, deals: 1 },
      { month: '2027-02', weighted: 8642, total: 12345, deals: 1 },
    ])
    // 2,029,150 / 100 = 20,291.5 → 20,292, rounded once over the manager's three deals
    assert.equal(mine.body().totalWeighted, 20292)
    assert.equal(mine.body().deals, 3)

    ;(await client.get('/api/reports/pipeline').bearerToken(team.member.token)).assertStatus(403)
  })
})

test.group('Reports: revenue by month', () => {
  test('invoiced and paid per month in the agency zone, net of tax; void left out, credit notes subtract', async ({ client, assert }) => {
    const team = await timeTeam('Revenue', { timezone: 'Pacific/Auckland' })
    const { managerB, b } = await withProjectB(team)
    const a = team.projectId
    const member = team.member.userId
    await approveTime([
      await logTime(team.agencyId, member, 'member', { projectId: a, date: '2026-09-10', seconds: 7200, billable: true }), // 300.00
      await logTime(team.agencyId, member, 'member', { projectId: a, date: '2026-10-12', seconds: 3600, billable: true }), // 150.00
      await logTime(team.agencyId, member, 'member', { projectId: a, date: '2026-10-20', seconds: 3600, billable: true }), // 150.00
      await logTime(team.agencyId, member, 'member', { projectId: b, date: '2026-10-14', seconds: 3600, billable: true }), // 100.00
    ])
    const post = poster(client, team.owner.token)

    // September: 300.00 invoiced; 100.00 paid on 1 October — 30 September 11:00 UTC, but October in Auckland.
    const r1 = (await post('/api/invoices', { projectId: a, from: '2026-09-01', to: '2026-09-30', issueDate: '2026-09-15', dueDate: '2026-10-15', taxRate: 0 }, 201)).invoice
    assert.equal(r1.subtotal, 30000)
    await post(`/api/invoices/${r1.id}/send`)
    await post(`/api/invoices/${r1.id}/payments`, { amount: 10000, paidOn: '2026-10-01', method: 'bank_transfer' }, 201)

    // October on A: issued, then voided (left out), re-issued on 2 November with 20 % tax (300.00 + 60.00),
    // paid in full on 5 November (300.00 net), then a 120.00 credit note (100.00 net) on 20 November.
    const voided = (await post('/api/invoices', { projectId: a, from: '2026-10-01', to: '2026-10-31', issueDate: '2026-10-25', taxRate: 0 }, 201)).invoice
    await post(`/api/invoices/${voided.id}/void`, { reason: 'Wrong rate' })
    const r3 = (await post('/api/invoices', { projectId: a, from: '2026-10-01', to: '2026-10-31', issueDate: '2026-11-02', taxRate: 20 }, 201)).invoice
    assert.equal(r3.total, 36000)
    await post(`/api/invoices/${r3.id}/send`)
    await post(`/api/invoices/${r3.id}/payments`, { amount: 36000, paidOn: '2026-11-05', method: 'card' }, 201)
    await post(`/api/invoices/${r3.id}/credit-notes`, { amount: 12000, reason: 'Goodwill' }, 201)
    await owner().from('credit_notes').where('invoice_id', r3.id).update({ issue_date: '2026-11-20' })

    // October on B: 100.00, unpaid.
    const r4 = (await post('/api/invoices', { projectId: b, from: '2026-10-01', to: '2026-10-31', issueDate: '2026-10-28', taxRate: 0 }, 201)).invoice
    await post(`/api/invoices/${r4.id}/send`)

    const range = { from: '2026-09-01', to: '2026-11-30' }
    const all = await client.get('/api/reports/revenue').qs(range).bearerToken(team.owner.token)
    all.assertStatus(200)
    assert.deepEqual(all.body(), {
      ...range,
      currency: 'USD',
      months: [
        { month: '2026-09', invoiced: 30000, paid: 0 },
        { month: '2026-10', invoiced: 10000, paid: 10000 },
        { month: '2026-11', invoiced: 20000, paid: 30000 },
      ],
      totals: { invoiced: 60000, paid: 40000 },
    })

    const managerA = await client.get('/api/reports/revenue').qs(range).bearerToken(team.manager.token)
    managerA.assertStatus(200)
    assert.deepEqual(managerA.body().months, [
      { month: '2026-09', invoiced: 30000, paid: 0 },
      { month: '2026-10', invoiced: 0, paid: 10000 },
      { month: '2026-11', invoiced: 20000, paid: 30000 },
    ])
    const managerOfB = await client.get('/api/reports/revenue').qs(range).bearerToken(managerB.token)
    assert.deepEqual(managerOfB.body().months, [
      { month: '2026-09', invoiced: 0, paid: 0 },
      { month: '2026-10', invoiced: 10000, paid: 0 },
      { month: '2026-11', invoiced: 0, paid: 0 },
    ])

    // A range cut inside a month counts only its days: 1–4 November has R3's issue but not its payment.
    const cut = await client.get('/api/reports/revenue').qs({ from: '2026-11-01', to: '2026-11-04' }).bearerToken(team.owner.token)
    assert.deepEqual(cut.body().months, [{ month: '2026-11', invoiced: 30000, paid: 0 }])

    ;(await client.get('/api/reports/revenue').qs(range).bearerToken(team.member.token)).assertStatus(403)
    const backwards = await client.get('/api/reports/revenue').qs({ from: '2026-11-30', to: '2026-09-01' }).bearerToken(team.owner.token)
    backwards.assertStatus(422)
  })
})

test.group('Reports: receivables', () => {
  test('outstanding and overdue with ageing buckets by days past the due date; managers see their projects', async ({ client, assert }) => {
    const team = await timeTeam('Receivables')
    const { managerB, b } = await withProjectB(team)
    const a = team.projectId
    const today = DateTime.now().setZone('UTC').startOf('day')
    const day = (daysAgo: number) => today.minus({ days: daysAgo }).toISODate()!
    const member = team.member.userId
    const entry = (projectId: string, daysAgo: number) =>
      logTime(team.agencyId, member, 'member', { projectId, date: day(daysAgo), seconds: 3600, billable: true })
    await approveTime([await entry(a, 130), await entry(a, 129), await entry(a, 128), await entry(a, 127), await entry(a, 126), await entry(a, 125), await entry(a, 124), await entry(a, 123), await entry(b, 130)])
    const post = poster(client, team.owner.token)
    /** One invoice over one day's hour (A: 150.00, B: 100.00), issued that day, due `dueDaysAgo` days ago. */
    const invoice = async (projectId: string, daysAgo: number, dueDaysAgo: number, send = true) => {
      const created = (await post('/api/invoices', { projectId, from: day(daysAgo), to: day(daysAgo), issueDate: day(daysAgo), dueDate: day(dueDaysAgo), taxRate: 0 }, 201)).invoice
      if (send) await post(`/api/invoices/${created.id}/send`)
      return created
    }
    const i1 = await invoice(a, 130, 100) // 100 days past due → 90+
    const i2 = await invoice(a, 129, 75) // 75 → 61–90, 50.00 paid: 100.00 due
    await post(`/api/invoices/${i2.id}/payments`, { amount: 5000, paidOn: day(10), method: 'bank_transfer' }, 201)
    const i3 = await invoice(a, 128, 45) // 45 → 31–60
    const i4 = await invoice(a, 127, 30) // 30 → 0–30 (its upper edge)
    const i5 = await invoice(a, 126, 0) // due today: outstanding, not overdue
    const voided = await invoice(a, 125, 1)
    await post(`/api/invoices/${voided.id}/void`, { reason: 'Duplicate' })
    const paid = await invoice(a, 124, 5)
    await post(`/api/invoices/${paid.id}/payments`, { amount: 15000, paidOn: day(3), method: 'card' }, 201)
    await invoice(a, 123, 2, false) // a draft is not owed
    const i9 = await invoice(b, 130, 20) // B: 20 → 0–30

    const all = await client.get('/api/reports/receivables').bearerToken(team.owner.token)
    all.assertStatus(200)
    const body = all.body()
    assert.equal(body.today, day(0))
    assert.equal(body.currency, 'USD')
    assert.deepEqual(body.buckets, [
      { label: '0–30', count: 2, amount: 25000 },
      { label: '31–60', count: 1, amount: 15000 },
      { label: '61–90', count: 1, amount: 10000 },
      { label: '90+', count: 1, amount: 15000 },
    ])
    assert.equal(body.overdue, 65000)
    assert.equal(body.outstanding, 80000)
    assert.deepEqual(
      body.invoices.map((row: any) => [row.invoiceId, row.due, row.daysPastDue, row.overdue]),
      [
        [i1.id, 15000, 100, true],
        [i2.id, 10000, 75, true],
        [i3.id, 15000, 45, true],
        [i4.id, 15000, 30, true],
        [i9.id, 10000, 20, true],
        [i5.id, 15000, 0, false],
      ]
    )
    assert.containsSubset(body.invoices[1], { number: i2.number, clientName: 'Receivables client', total: 15000, paid: 5000, dueDate: day(75), issueDate: day(129) })

    const managerA = (await client.get('/api/reports/receivables').bearerToken(team.manager.token)).body()
    assert.deepEqual(managerA.buckets.map((bucket: any) => [bucket.count, bucket.amount]), [[1, 15000], [1, 15000], [1, 10000], [1, 15000]])
    assert.equal(managerA.overdue, 55000)
    assert.equal(managerA.outstanding, 70000)
    const managerOfB = (await client.get('/api/reports/receivables').bearerToken(managerB.token)).body()
    assert.deepEqual(managerOfB.invoices.map((row: any) => row.invoiceId), [i9.id])
    assert.equal(managerOfB.overdue, 10000)

    ;(await client.get('/api/reports/receivables').bearerToken(team.member.token)).assertStatus(403)
  })
})
