import { test } from '@japa/runner'
import { ApiRequest } from '@japa/api-client'
import { parse } from 'csv-parse/sync'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { PASSWORD } from '#tests/helpers/factories'
import { pdfText } from '#tests/helpers/invoice_delivery'
import { addProject, approveTime, logTime, timeTeam } from '#tests/helpers/time'
import { WebSession } from '#tests/helpers/web_session'

// Read PDFs as bytes.
ApiRequest.addParser('application/pdf', (res, done) => {
  const chunks: Buffer[] = []
  res.on('data', (chunk: Buffer) => chunks.push(chunk))
  res.on('end', () => done(null, Buffer.concat(chunks)))
})

const owner = () => db.connection('owner')
const RANGE = { from: '2026-11-02', to: '2026-11-29' }
const qs = (range: Record<string, string | number>) => new URLSearchParams(Object.entries(range).map(([k, v]): [string, string] => [k, String(v)])).toString()

/**
 * Project A "Atlas & =Co" (budget 2,000.00, billed 150.00/h): the manager 2 h
 * (cost 60.00/h), the member 3 h (cost 40.00/h), invoiced 750.00 and paid
 * 300.00 → cost 240.00, margin 510.00 (68 %). Project B (managed by nobody
 * else, no budget): the member 1 h at 40.00/h, never invoiced.
 */
async function smallBooks(name: string) {
  const team = await timeTeam(name)
  await owner().from('projects').where('id', team.projectId).update({ name: '=Atlas & Co', budget_cents: 200000 })
  const b = await addProject(team.agencyId, team.clientId, [{ userId: team.member.userId }], { name: 'Beacon' })
  await owner().from('project_members').where('project_id', b).where('user_id', team.member.userId).update({ cost_rate_cents: 4000 })
  await approveTime([
    await logTime(team.agencyId, team.manager.userId, 'manager', { projectId: team.projectId, date: '2026-11-03', seconds: 7200, billable: true }),
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: '2026-11-04', seconds: 10800, billable: true }),
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: b, date: '2026-11-05', seconds: 3600, billable: false }),
  ])
  return { ...team, a: team.projectId, b }
}

async function invoiceA(client: any, books: Awaited<ReturnType<typeof smallBooks>>) {
  const post = (url: string, body: object = {}) => client.post(url).bearerToken(books.owner.token).json(body)
  const created = await post('/api/invoices', { projectId: books.a, from: '2026-11-02', to: '2026-11-08', issueDate: '2026-11-10', taxRate: 0 })
  created.assertStatus(201)
  const invoice = created.body().invoice
  ;(await post(`/api/invoices/${invoice.id}/send`)).assertStatus(200)
  ;(await post(`/api/invoices/${invoice.id}/payments`, { amount: 30000, paidOn: '2026-11-20', method: 'bank_transfer' })).assertStatus(201)
  return invoice
}

const decimal = (minor: number | null) => (minor === null ? '' : `${minor < 0 ? '-' : ''}${Math.floor(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`)
const pct = (value: number | null) => (value === null ? '' : String(value))
const hours = (seconds: number) => {
  const hundredths = Math.floor((seconds * 100 + 1800) / 3600)
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`
}

test.group('Reports pages', () => {
  test('owner: /reports renders both reports for this month by default, and for the range asked', async ({ client, assert }) => {
    const books = await smallBooks('Pages owner')
    await invoiceA(client, books)
    const web = await new WebSession(client).login(books.owner.email, PASSWORD)

    const defaults = await web.page('/reports')
    assert.equal(defaults.component, 'reports/index')
    const now = DateTime.now().setZone('UTC')
    assert.deepEqual(defaults.props.range, { from: now.startOf('month').toISODate(), to: now.endOf('month').toISODate() })
    assert.equal(defaults.props.tab, 'profitability')

    const page = await web.page(`/reports?${qs({ ...RANGE, tab: 'utilization' })}`)
    assert.deepEqual(page.props.range, RANGE)
    assert.equal(page.props.tab, 'utilization')
    assert.equal(page.props.currency, 'USD')
    const { projects, summary } = page.props.profitability
    assert.deepEqual(
      projects.map((project: any) => project.name),
      ['=Atlas & Co', 'Beacon']
    )
    assert.containsSubset(projects[0], { revenueInvoiced: 75000, revenuePaid: 30000, cost: 24000, margin: 51000, marginPercent: 68, budget: 200000 })
    assert.containsSubset(projects[1], { revenueInvoiced: 0, cost: 4000, margin: -4000, marginPercent: null, budget: null })
    assert.deepEqual(summary, { currency: 'USD', totalBudget: 200000, totalSpent: 28000, revenueInvoiced: 75000, revenuePaid: 30000, cost: 28000, margin: 47000 })
    assert.equal(page.props.summaryMarginPercent, 63)

    const people = page.props.utilization.members
    assert.sameMembers(
      people.map((member: any) => member.userId),
      [books.owner.userId, books.manager.userId, books.member.userId]
    )
    assert.equal(page.props.utilization.threshold, 60)
    assert.containsSubset(people.find((member: any) => member.userId === books.member.userId), { loggedSeconds: 14400, billableSeconds: 10800 })

    // Rendered on the server: the form, both tabs, the tables with their summary rows and the download links.
    const html = (await web.get(`/reports?${qs(RANGE)}`)).text()
    for (const expected of ['<label', '>From<', '>To<', 'role="tablist"', 'Revenue vs cost per project', 'Total', 'Agency average', 'Utilization per person']) {
      assert.include(html, expected)
    }
    assert.include(html, `/reports/profitability.csv?from=${RANGE.from}&amp;to=${RANGE.to}`)
    assert.include(html, `/reports/utilization.pdf?from=${RANGE.from}&amp;to=${RANGE.to}&amp;threshold=60`)
    assert.include(html, '$510.00')

    // The same figures as the API.
    const api = await client.get('/api/reports/profitability').qs(RANGE).bearerToken(books.owner.token)
    assert.deepEqual(page.props.profitability, api.body())

    // The placeholder is gone and the nav still leads here.
    assert.include((await web.get('/dashboard')).text(), 'href="/reports"')
  })

  test('manager: only the projects they manage and their people; a member is refused with a clear 403 and no nav link', async ({ client, assert }) => {
    const books = await smallBooks('Pages manager')
    await invoiceA(client, books)
    const manager = await new WebSession(client).login(books.manager.email, PASSWORD)
    const page = await manager.page(`/reports?${qs(RANGE)}`)
    assert.equal(page.component, 'reports/index')
    assert.deepEqual(
      page.props.profitability.projects.map((project: any) => project.projectId),
      [books.a]
    )
    assert.equal(page.props.profitability.summary.margin, 51000)
    assert.sameMembers(
      page.props.utilization.members.map((member: any) => member.userId),
      [books.manager.userId, books.member.userId]
    )

    const member = await new WebSession(client).login(books.member.email, PASSWORD)
    const refused = await member.get('/reports')
    assert.equal(refused.status(), 403)
    assert.include(refused.text(), 'Only owners and managers')
    assert.equal((await member.get(`/reports/profitability.csv?${qs(RANGE)}`)).status(), 403)
    assert.equal((await member.get(`/reports/profitability.pdf?${qs(RANGE)}`)).status(), 403)
    assert.notInclude((await member.get('/dashboard')).text(), 'href="/reports"')
    // Utilization downloads follow the API: a member gets their own row only.
    const own = parse((await member.get(`/reports/utilization.csv?${qs(RANGE)}`)).text(), { columns: true })
    assert.deepEqual(
      own.map((row: any) => row.member),
      ['member person', 'Agency average']
    )
  })

  test('CSV downloads hold the API figures: money as decimal strings, formulas defused, a summary row', async ({ client, assert }) => {
    const books = await smallBooks('Csv books')
    await invoiceA(client, books)
    const web = await new WebSession(client).login(books.owner.email, PASSWORD)

    const download = await web.get(`/reports/profitability.csv?${qs(RANGE)}`)
    assert.equal(download.status(), 200)
    assert.include(download.header('content-type'), 'text/csv')
    assert.include(download.header('content-disposition'), `profitability-${RANGE.from}_to_${RANGE.to}.csv`)
    const rows = parse(download.text(), { columns: true })
    const api = (await client.get('/api/reports/profitability').qs(RANGE).bearerToken(books.owner.token)).body()
    assert.lengthOf(rows, api.projects.length + 1)
    api.projects.forEach((project: any, index: number) => {
      assert.deepEqual(rows[index], {
        project: project.name.startsWith('=') ? `'${project.name}` : project.name,
        client: project.clientName,
        currency: project.currency,
        revenue_invoiced: decimal(project.revenueInvoiced),
        revenue_paid: decimal(project.revenuePaid),
        cost_time: decimal(project.costTime),
        cost_expenses: decimal(project.costExpenses),
        cost: decimal(project.cost),
        margin: decimal(project.margin),
        margin_percent: pct(project.marginPercent),
        budget: decimal(project.budget),
        spent: decimal(project.spent),
        burn_percent: pct(project.burnPercent),
      })
    })
    assert.containsSubset(rows[0], { project: "'=Atlas & Co", revenue_invoiced: '750.00', cost: '240.00', margin: '510.00', margin_percent: '68' })
    assert.deepEqual(rows.at(-1), {
      project: 'Total (USD projects)',
      client: '',
      currency: 'USD',
      revenue_invoiced: decimal(api.summary.revenueInvoiced),
      revenue_paid: decimal(api.summary.revenuePaid),
      cost_time: '',
      cost_expenses: '',
      cost: decimal(api.summary.cost),
      margin: '470.00',
      margin_percent: '63',
      budget: '2000.00',
      spent: '280.00',
      burn_percent: '14',
    })

    const utilizationRows = parse((await web.get(`/reports/utilization.csv?${qs(RANGE)}`)).text(), { columns: true })
    const utilization = (await client.get('/api/reports/utilization').qs(RANGE).bearerToken(books.owner.token)).body()
    assert.lengthOf(utilizationRows, utilization.members.length + 1)
    utilization.members.forEach((member: any, index: number) => {
      assert.deepEqual(utilizationRows[index], {
        member: member.name,
        logged_hours: hours(member.loggedSeconds),
        billable_hours: hours(member.billableSeconds),
        capacity_hours: hours(member.capacitySeconds),
        utilization_percent: pct(member.utilization),
        billable_utilization_percent: pct(member.billableUtilization),
        flag: member.flag ?? '',
      })
    })
    assert.containsSubset(utilizationRows.at(-1), { member: 'Agency average', utilization_percent: pct(utilization.agencyAvg) })

    // A bad range is refused like on the API.
    const bad = await web.get(`/reports/profitability.csv?${qs({ from: '2026-11-30', to: '2026-11-01' })}`)
    assert.notEqual(bad.status(), 200)
  })

  test('PDF downloads parse back with the project, its margin and the summary; utilization with the agency average', async ({ client, assert }) => {
    const books = await smallBooks('Pdf books')
    await invoiceA(client, books)
    const web = await new WebSession(client).login(books.manager.email, PASSWORD)

    const response = await client.get('/reports/profitability.pdf').qs(RANGE).header('cookie', web.cookieHeader)
    response.assertStatus(200)
    assert.equal(response.header('content-type'), 'application/pdf')
    assert.include(response.header('content-disposition'), `profitability-${RANGE.from}_to_${RANGE.to}.pdf`)
    const text = await pdfText(response.body())
    for (const expected of ['Profitability', 'Pdf books', '=Atlas & Co', '$750.00', '$240.00', '$510.00', '68 %', '$2,000.00', 'Total (USD projects)']) {
      assert.include(text, expected)
    }
    // The manager's PDF is scoped like the page: no Beacon.
    assert.notInclude(text, 'Beacon')

    const utilization = await client.get('/reports/utilization.pdf').qs(RANGE).header('cookie', web.cookieHeader)
    utilization.assertStatus(200)
    const utilizationText = await pdfText(utilization.body())
    const api = (await client.get('/api/reports/utilization').qs(RANGE).bearerToken(books.manager.token)).body()
    for (const expected of ['Utilization', 'Agency average', `${api.agencyAvg} %`, ...api.members.map((member: any) => member.name)]) {
      assert.include(utilizationText, expected)
    }
  }).timeout(60_000)
})
