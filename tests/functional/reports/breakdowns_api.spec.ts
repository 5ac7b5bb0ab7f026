import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { withTenant } from '#core/public/tenancy'
import ProjectMember from '#projects/models/project_member'
import { createClient } from '#tests/helpers/crm'
import { createUser, PASSWORD } from '#tests/helpers/factories'
import { addProject, approveTime, logTime, timeTeam } from '#tests/helpers/time'
import { WebSession } from '#tests/helpers/web_session'

const owner = () => db.connection('owner')
const RANGE = { from: '2026-11-02', to: '2026-11-29' }
const qs = (query: Record<string, string | number>) => new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString()

/**
 * Client "<name> client": project A (150.00/h; manager costs 60.00/h, member 40.00/h)
 * and project C (120.00/h, the member costs 30.00/h there, no service type).
 * Client "Zeta Co": project B (100.00/h, the member costs 50.00/h), run by managerB.
 * A is "Web design", B "SEO" (set over the API by the owner).
 */
async function books(client: any, name: string) {
  const team = await timeTeam(name)
  const managerB = await createUser(team.agencyId, 'manager')
  const zeta = await createClient(team.agencyId, 'Zeta Co', { name: 'Zed', email: `zed-${name.toLowerCase()}@zeta.test` })
  const a = team.projectId
  const b = await addProject(team.agencyId, zeta.clientId, [{ userId: team.member.userId }, { userId: managerB.userId, role: 'manager' }], {
    name: 'Project B',
    hourlyRateCents: 10000,
  })
  const c = await addProject(team.agencyId, team.clientId, [{ userId: team.member.userId }], { name: 'Project C', hourlyRateCents: 12000 })
  await withTenant(team.agencyId, async () => {
    await ProjectMember.query().where('projectId', b).where('userId', team.member.userId).update({ costRateCents: 5000 })
    await ProjectMember.query().where('projectId', c).where('userId', team.member.userId).update({ costRateCents: 3000 })
  })
  await owner().from('projects').where('id', a).update({ name: 'Project A' })
  const patch = (id: string, serviceType: string) =>
    client.patch(`/api/projects/${id}`).bearerToken(team.owner.token).json({ serviceType })
  ;(await patch(a, '  Web design ')).assertStatus(200)
  ;(await patch(b, 'SEO')).assertStatus(200)

  const m = team.member.userId
  const entries = {
    before: await logTime(team.agencyId, m, 'member', { projectId: a, date: '2026-10-30', seconds: 3600, billable: true }),
    managerA: await logTime(team.agencyId, team.manager.userId, 'manager', { projectId: a, date: '2026-11-03', seconds: 9000, billable: true }),
    a1: await logTime(team.agencyId, m, 'member', { projectId: a, date: '2026-11-04', seconds: 10800, billable: true }),
    a2: await logTime(team.agencyId, m, 'member', { projectId: a, date: '2026-11-05', seconds: 3600, billable: false }),
    a3: await logTime(team.agencyId, m, 'member', { projectId: a, date: '2026-11-06', seconds: 1000, billable: true }),
    b1: await logTime(team.agencyId, m, 'member', { projectId: b, date: '2026-11-09', seconds: 7200, billable: true }),
    c1: await logTime(team.agencyId, m, 'member', { projectId: c, date: '2026-11-10', seconds: 1000, billable: true }),
  }
  await approveTime(Object.values(entries))

  const post = (url: string, body: object = {}) => client.post(url).bearerToken(team.owner.token).json(body)
  // A, 2–8 Nov by member: manager 9,000 s × 150.00 = 375.00; member 11,800 s × 150.00 = 491.666… → 491.67. Subtotal 866.67, paid 500.00.
  const invoiceA = (await post('/api/invoices', { projectId: a, from: '2026-11-02', to: '2026-11-08', groupBy: 'member', issueDate: '2026-11-10', taxRate: 0 })).body().invoice
  ;(await post(`/api/invoices/${invoiceA.id}/send`)).assertStatus(200)
  ;(await post(`/api/invoices/${invoiceA.id}/payments`, { amount: 50000, paidOn: '2026-11-20', method: 'bank_transfer' })).assertStatus(201)
  // B: 7,200 s × 100.00 = 200.00, paid in full.
  const invoiceB = (await post('/api/invoices', { projectId: b, from: '2026-11-02', to: '2026-11-15', groupBy: 'member', issueDate: '2026-11-14', taxRate: 0 })).body().invoice
  ;(await post(`/api/invoices/${invoiceB.id}/send`)).assertStatus(200)
  ;(await post(`/api/invoices/${invoiceB.id}/payments`, { amount: 20000, paidOn: '2026-11-16', method: 'bank_transfer' })).assertStatus(201)
  return { ...team, managerB, zeta, a, b, c, entries, invoiceA, invoiceB }
}

test.group('Reports: profitability by client, member and service type; drill-down', () => {
  test('service type: set, trimmed, cleared and bounded over the projects API', async ({ client, assert }) => {
    const team = await timeTeam('Service')
    const url = `/api/projects/${team.projectId}`
    const set = await client.patch(url).bearerToken(team.owner.token).json({ serviceType: ' SEO ' })
    set.assertStatus(200)
    assert.equal(set.body().project.serviceType, 'SEO')
    assert.equal((await client.get(url).bearerToken(team.owner.token)).body().project.serviceType, 'SEO')
    ;(await client.patch(url).bearerToken(team.owner.token).json({ serviceType: '' })).assertStatus(200)
    assert.isNull((await client.get(url).bearerToken(team.owner.token)).body().project.serviceType)
    const tooLong = await client.patch(url).bearerToken(team.owner.token).json({ serviceType: 'x'.repeat(81) })
    tooLong.assertStatus(422)
    assert.match(JSON.stringify(tooLong.body()), /serviceType/)
  })

  test('owner: by client, by service type and by member against the hand-computed fixture', async ({ client, assert }) => {
    const fx = await books(client, 'Brk')
    assert.equal(fx.invoiceA.subtotal, 86667)
    assert.equal(fx.invoiceB.subtotal, 20000)
    const get = (groupBy: string) => client.get('/api/reports/profitability').qs({ ...RANGE, groupBy }).bearerToken(fx.owner.token)

    // The project shape stays the default, and names the service type.
    const byProject = await get('project')
    byProject.assertStatus(200)
    assert.deepEqual(
      byProject.body().projects.map((project: any) => [project.name, project.serviceType]),
      [['Project A', 'Web design'], ['Project B', 'SEO'], ['Project C', null]]
    )

    // Costs: A (9,000 × 60.00 + 15,400 × 40.00) / 3600 = 321.11; B 7,200 × 50.00 = 100.00; C 1,000 × 30.00 = 8.33.
    const byClient = await get('client')
    byClient.assertStatus(200)
    assert.deepEqual(byClient.body(), {
      from: RANGE.from,
      to: RANGE.to,
      groupBy: 'client',
      currency: 'USD',
      rows: [
        // A + C: 866.67 invoiced, 500.00 paid, 321.11 + 8.33 cost; 537.23 / 866.67 = 62 %
        { key: fx.clientId, label: 'Brk client', revenueInvoiced: 86667, revenuePaid: 50000, cost: 32944, margin: 53723, marginPercent: 62 },
        { key: fx.zeta.clientId, label: 'Zeta Co', revenueInvoiced: 20000, revenuePaid: 20000, cost: 10000, margin: 10000, marginPercent: 50 },
      ],
      summary: { revenueInvoiced: 106667, revenuePaid: 70000, cost: 42944, margin: 63723, marginPercent: 60 },
    })

    const byService = await get('service')
    byService.assertStatus(200)
    assert.deepEqual(byService.body().rows, [
      { key: '', label: 'No service type', revenueInvoiced: 0, revenuePaid: 0, cost: 833, margin: -833, marginPercent: null },
      { key: 'SEO', label: 'SEO', revenueInvoiced: 20000, revenuePaid: 20000, cost: 10000, margin: 10000, marginPercent: 50 },
      // 545.56 / 866.67 = 62.95 → 63 %
      { key: 'Web design', label: 'Web design', revenueInvoiced: 86667, revenuePaid: 50000, cost: 32111, margin: 54556, marginPercent: 63 },
    ])

    // Member revenue = billable time × frozen billable rate, rounded once per member:
    // manager 9,000 × 150.00 = 375.00, cost 9,000 × 60.00 = 150.00;
    // member (11,800 × 150.00 + 7,200 × 100.00 + 1,000 × 120.00) / 3600 = 725.00,
    //        cost (15,400 × 40.00 + 7,200 × 50.00 + 1,000 × 30.00) / 3600 = 279.444… → 279.44; 445.56 / 725.00 = 61 %.
    const byMember = await get('member')
    byMember.assertStatus(200)
    const rows = new Map(byMember.body().rows.map((row: any) => [row.key, row]))
    assert.equal(rows.size, 2)
    assert.containsSubset(rows.get(fx.manager.userId), { revenueInvoiced: 37500, revenuePaid: null, cost: 15000, margin: 22500, marginPercent: 60 })
    assert.containsSubset(rows.get(fx.member.userId), { revenueInvoiced: 72500, revenuePaid: null, cost: 27944, margin: 44556, marginPercent: 61 })
    assert.deepEqual(byMember.body().summary, { revenueInvoiced: 110000, revenuePaid: null, cost: 42944, margin: 67056, marginPercent: 61 })
  })

  test('managers see their projects only; members get 403; bad groupBy is 422', async ({ client, assert }) => {
    const fx = await books(client, 'Mgr')
    const get = (token: string, groupBy: string) => client.get('/api/reports/profitability').qs({ ...RANGE, groupBy }).bearerToken(token)

    const clientA = await get(fx.manager.token, 'client')
    clientA.assertStatus(200)
    assert.deepEqual(clientA.body().rows, [
      { key: fx.clientId, label: 'Mgr client', revenueInvoiced: 86667, revenuePaid: 50000, cost: 32111, margin: 54556, marginPercent: 63 },
    ])
    // On A only: the member's 11,800 billable s × 150.00 = 491.666… → 491.67, cost 15,400 × 40.00 = 171.11.
    const memberA = await get(fx.manager.token, 'member')
    memberA.assertStatus(200)
    const rows = new Map(memberA.body().rows.map((row: any) => [row.key, row]))
    assert.containsSubset(rows.get(fx.member.userId), { revenueInvoiced: 49167, cost: 17111, margin: 32056, marginPercent: 65 })
    assert.containsSubset(rows.get(fx.manager.userId), { revenueInvoiced: 37500, cost: 15000 })

    const memberB = await get(fx.managerB.token, 'member')
    assert.deepEqual(memberB.body().rows, [
      { key: fx.member.userId, label: memberB.body().rows[0].label, revenueInvoiced: 20000, revenuePaid: null, cost: 10000, margin: 10000, marginPercent: 50 },
    ])
    const serviceB = await get(fx.managerB.token, 'service')
    assert.deepEqual(
      serviceB.body().rows.map((row: any) => row.key),
      ['SEO']
    )

    for (const groupBy of ['client', 'member', 'service']) (await get(fx.member.token, groupBy)).assertStatus(403)
    const bad = await get(fx.owner.token, 'task')
    bad.assertStatus(422)
    assert.match(JSON.stringify(bad.body()), /groupBy/)
  })

  test('drill-down: a project per member, then a member’s entries a page at a time', async ({ client, assert }) => {
    const fx = await books(client, 'Drill')
    const url = `/api/reports/profitability/projects/${fx.a}`
    const response = await client.get(url).qs(RANGE).bearerToken(fx.owner.token)
    response.assertStatus(200)
    const body = response.body()
    assert.containsSubset(body.project, { id: fx.a, name: 'Project A', clientName: 'Drill client', currency: 'USD', serviceType: 'Web design' })
    const members = new Map(body.members.map((member: any) => [member.userId, member]))
    assert.containsSubset(members.get(fx.manager.userId), { seconds: 9000, billableSeconds: 9000, cost: 15000, billableValue: 37500 })
    // 15,400 s (the 30 Oct hour is outside), 11,800 billable; 171.11 cost; 491.67 value.
    assert.containsSubset(members.get(fx.member.userId), { seconds: 15400, billableSeconds: 11800, cost: 17111, billableValue: 49167 })
    assert.deepEqual(body.totals, { seconds: 24400, billableSeconds: 20800, cost: 32111, billableValue: 86667 })

    const entriesUrl = `${url}/members/${fx.member.userId}/entries`
    const first = await client.get(entriesUrl).qs({ ...RANGE, perPage: 2 }).bearerToken(fx.owner.token)
    first.assertStatus(200)
    assert.deepEqual(first.body().meta, { total: 3, perPage: 2, currentPage: 1, lastPage: 2 })
    assert.deepEqual(
      first.body().data.map((entry: any) => [entry.date, entry.seconds, entry.billable, entry.cost, entry.billableValue, entry.invoiced]),
      [
        ['2026-11-06', 1000, true, 1111, 4167, true],
        ['2026-11-05', 3600, false, 4000, 0, false],
      ]
    )
    const second = await client.get(entriesUrl).qs({ ...RANGE, perPage: 2, page: 2 }).bearerToken(fx.owner.token)
    assert.deepEqual(
      second.body().data.map((entry: any) => [entry.id, entry.cost, entry.billableValue]),
      [[fx.entries.a1, 12000, 45000]]
    )

    // The manager of A may; managerB (B only) gets a 404, the member a 403, another agency a 404.
    ;(await client.get(url).qs(RANGE).bearerToken(fx.manager.token)).assertStatus(200)
    ;(await client.get(url).qs(RANGE).bearerToken(fx.managerB.token)).assertStatus(404)
    ;(await client.get(entriesUrl).qs(RANGE).bearerToken(fx.managerB.token)).assertStatus(404)
    ;(await client.get(url).qs(RANGE).bearerToken(fx.member.token)).assertStatus(403)
    const other = await timeTeam('Elsewhere')
    ;(await client.get(url).qs(RANGE).bearerToken(other.owner.token)).assertStatus(404)
    ;(await client.get(url).qs({ from: RANGE.to, to: RANGE.from }).bearerToken(fx.owner.token)).assertStatus(422)
  })

  test('the /reports page groups, and the drill-down page renders', async ({ client, assert }) => {
    const fx = await books(client, 'Pages')
    const web = await new WebSession(client).login(fx.owner.email, PASSWORD)
    const page = await web.page(`/reports?${qs({ ...RANGE, groupBy: 'service' })}`)
    assert.equal(page.props.groupBy, 'service')
    assert.deepEqual(
      page.props.breakdown.rows.map((row: any) => row.label),
      ['No service type', 'SEO', 'Web design']
    )
    const html = (await web.get(`/reports?${qs({ ...RANGE, groupBy: 'member' })}`)).text()
    for (const expected of ['>Group by<', 'Billable value', '>Capacity<']) assert.include(html, expected)
    const plain = (await web.get(`/reports?${qs(RANGE)}`)).text()
    assert.include(plain, `/reports/projects/${fx.a}?from=${RANGE.from}&amp;to=${RANGE.to}`)

    const drill = await web.page(`/reports/projects/${fx.a}?${qs({ ...RANGE, member: fx.member.userId })}`)
    assert.equal(drill.component, 'reports/project')
    assert.equal(drill.props.report.totals.cost, 32111)
    assert.equal(drill.props.entries.meta.total, 3)
    const drillHtml = (await web.get(`/reports/projects/${fx.a}?${qs({ ...RANGE, member: fx.member.userId })}`)).text()
    for (const expected of ['Billable hours', 'Page 1 of 1', 'not billable']) assert.include(drillHtml, expected)
  })
})
