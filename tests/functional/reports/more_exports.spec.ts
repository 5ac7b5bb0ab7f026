import { test } from '@japa/runner'
import { ApiRequest } from '@japa/api-client'
import { parse } from 'csv-parse/sync'
import db from '@adonisjs/lucid/services/db'
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
const decimal = (minor: number | null) => (minor === null ? '' : `${minor < 0 ? '-' : ''}${Math.floor(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`)
const pct = (value: number | null) => (value === null ? '' : String(value))
const hours = (seconds: number) => {
  const hundredths = Math.floor((seconds * 100 + 1800) / 3600)
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`
}

/**
 * Project A (150.00/h): the manager 2 h, the member 3 h, invoiced 750.00 and
 * paid 300.00 (450.00 receivable); project B (member only, managed by nobody
 * else): 1 h, never invoiced. Open deals D1 (manager's) and D2 (owner's), one undated.
 */
async function books(name: string, client: any) {
  const team = await timeTeam(name)
  const b = await addProject(team.agencyId, team.clientId, [{ userId: team.member.userId }], { name: 'Beacon', serviceType: 'Design' })
  await owner().from('project_members').where('project_id', b).where('user_id', team.member.userId).update({ cost_rate_cents: 4000 })
  await approveTime([
    await logTime(team.agencyId, team.manager.userId, 'manager', { projectId: team.projectId, date: '2026-11-03', seconds: 7200, billable: true }),
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: '2026-11-04', seconds: 10800, billable: true }),
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: b, date: '2026-11-05', seconds: 3600, billable: false }),
  ])
  const post = (url: string, body: object = {}) => client.post(url).bearerToken(team.owner.token).json(body)
  const created = await post('/api/invoices', { projectId: team.projectId, from: '2026-11-02', to: '2026-11-08', issueDate: '2026-11-10', taxRate: 0 })
  created.assertStatus(201)
  const invoice = created.body().invoice
  ;(await post(`/api/invoices/${invoice.id}/send`)).assertStatus(200)
  ;(await post(`/api/invoices/${invoice.id}/payments`, { amount: 30000, paidOn: '2026-11-20', method: 'bank_transfer' })).assertStatus(201)

  const stages = await owner().from('deal_stages').where('agency_id', team.agencyId).select('id', 'name')
  const stage = (stageName: string) => stages.find((row) => row.name === stageName)!.id
  const deal = (title: string, value: number, probability: number, close: string | null, ownerUserId: string) => ({
    agency_id: team.agencyId,
    client_id: team.clientId,
    stage_id: stage('Proposal'),
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
      deal('D1', 100000, 10, '2027-01-15', team.manager.userId),
      deal('D2', 33333, 40, '2027-01-20', team.owner.userId),
      deal('D3', 5000, 33, null, team.manager.userId),
    ])
  return { ...team, a: team.projectId, b, invoice }
}

async function pdfOf(client: any, web: WebSession, url: string) {
  const response = await client.get(url).header('cookie', web.cookieHeader)
  response.assertStatus(200)
  return { response, text: await pdfText(response.body()) }
}

test.group('Reports: more exports', () => {
  test('pipeline CSV rows are the API months, undated deals and total; the PDF parses back; managers are scoped', async ({ client, assert }) => {
    const team = await books('Pipeline exports', client)
    const web = await new WebSession(client).login(team.owner.email, PASSWORD)
    const api = (await client.get('/api/reports/pipeline').bearerToken(team.owner.token)).body()

    const download = await web.get('/reports/pipeline.csv')
    assert.equal(download.status(), 200)
    assert.include(download.header('content-type'), 'text/csv')
    assert.include(download.header('content-disposition'), 'pipeline.csv')
    const rows = parse(download.text(), { columns: true }) as any[]
    assert.deepEqual(rows, [
      ...api.months.map((month: any) => ({ month: month.month, weighted: decimal(month.weighted), total: decimal(month.total), deals: String(month.deals) })),
      { month: 'No close date', weighted: decimal(api.noDate.weighted), total: decimal(api.noDate.total), deals: String(api.noDate.deals) },
      { month: 'Total', weighted: decimal(api.totalWeighted), total: decimal(api.total), deals: String(api.deals) },
    ])
    assert.equal(api.deals, 3)

    const { response, text } = await pdfOf(client, web, '/reports/pipeline.pdf')
    assert.equal(response.header('content-type'), 'application/pdf')
    for (const expected of ['Pipeline forecast', '2027-01', 'No close date', `$${(api.totalWeighted / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`]) {
      assert.include(text, expected)
    }

    // The manager's file holds the deals they own only, as the API.
    const manager = await new WebSession(client).login(team.manager.email, PASSWORD)
    const managerApi = (await client.get('/api/reports/pipeline').bearerToken(team.manager.token)).body()
    const managerRows = parse((await manager.get('/reports/pipeline.csv')).text(), { columns: true }) as any[]
    assert.deepEqual(managerRows[managerRows.length - 1], { month: 'Total', weighted: decimal(managerApi.totalWeighted), total: decimal(managerApi.total), deals: '2' })
  }).timeout(60_000)

  test('receivables CSV: ageing buckets then invoices, as the API; the PDF holds the invoice and its due amount', async ({ client, assert }) => {
    const team = await books('Receivables exports', client)
    const web = await new WebSession(client).login(team.owner.email, PASSWORD)
    const api = (await client.get('/api/reports/receivables').bearerToken(team.owner.token)).body()
    assert.lengthOf(api.invoices, 1)

    const download = await web.get('/reports/receivables.csv')
    assert.equal(download.status(), 200)
    assert.include(download.header('content-disposition'), `receivables-${api.today}.csv`)
    const [bucketsCsv, invoicesCsv] = download.text().split('\n\n')
    assert.deepEqual(parse(bucketsCsv, { columns: true }), [
      ...api.buckets.map((bucket: any) => ({ bucket: bucket.label, invoices: String(bucket.count), amount: decimal(bucket.amount) })),
      { bucket: 'Overdue', invoices: String(api.buckets.reduce((total: number, bucket: any) => total + bucket.count, 0)), amount: decimal(api.overdue) },
    ])
    const invoices = parse(invoicesCsv, { columns: true }) as any[]
    assert.deepEqual(invoices.slice(0, -1), api.invoices.map((invoice: any) => ({
      invoice: invoice.number,
      client: invoice.clientName ?? '',
      currency: invoice.currency,
      issue_date: invoice.issueDate,
      due_date: invoice.dueDate,
      total: decimal(invoice.total),
      paid: decimal(invoice.paid),
      due: decimal(invoice.due),
      days_past_due: String(invoice.daysPastDue),
      overdue: invoice.overdue ? 'yes' : 'no',
    })))
    assert.equal(invoices[0].due, '450.00')
    assert.containsSubset(invoices[invoices.length - 1], { invoice: 'Outstanding (USD)', due: decimal(api.outstanding) })

    const { text } = await pdfOf(client, web, '/reports/receivables.pdf')
    for (const expected of ['Receivables', 'Overdue by days past due', '90+', api.invoices[0].number, '$450.00']) assert.include(text, expected)
  }).timeout(60_000)

  test('profitability grouped by client, service type and member: CSV rows equal the API rows and summary; PDF parses back', async ({ client, assert }) => {
    const team = await books('Grouped exports', client)
    const web = await new WebSession(client).login(team.owner.email, PASSWORD)
    for (const groupBy of ['client', 'service', 'member'] as const) {
      const api = (await client.get('/api/reports/profitability').qs({ ...RANGE, groupBy }).bearerToken(team.owner.token)).body()
      const download = await web.get(`/reports/profitability.csv?${qs({ ...RANGE, groupBy })}`)
      assert.equal(download.status(), 200)
      assert.include(download.header('content-disposition'), `profitability-by-${groupBy}-${RANGE.from}_to_${RANGE.to}.csv`)
      const row = (label: string, figures: any) => ({
        [groupBy]: label,
        currency: 'USD',
        revenue_invoiced: decimal(figures.revenueInvoiced),
        revenue_paid: decimal(figures.revenuePaid),
        cost: decimal(figures.cost),
        margin: decimal(figures.margin),
        margin_percent: pct(figures.marginPercent),
      })
      assert.isAbove(api.rows.length, 0)
      assert.deepEqual(parse(download.text(), { columns: true }), [
        ...api.rows.map((figures: any) => row(figures.label, figures)),
        row('Total (USD projects)', api.summary),
      ])
    }
    // Client: one client holding both projects: 750.00 invoiced.
    const clientRows = parse((await web.get(`/reports/profitability.csv?${qs({ ...RANGE, groupBy: 'client' })}`)).text(), { columns: true }) as any[]
    assert.equal(clientRows[0].revenue_invoiced, '750.00')

    const { text } = await pdfOf(client, web, `/reports/profitability.pdf?${qs({ ...RANGE, groupBy: 'client' })}`)
    for (const expected of ['Profitability by client', '$750.00', 'Total (USD projects)']) assert.include(text, expected)

    // The project view is unchanged without groupBy.
    const projects = parse((await web.get(`/reports/profitability.csv?${qs(RANGE)}`)).text(), { columns: true }) as any[]
    assert.property(projects[0], 'project')
  }).timeout(60_000)

  test('revenue, capacity and the project drill-down export the API figures', async ({ client, assert }) => {
    const team = await books('Other exports', client)
    const web = await new WebSession(client).login(team.owner.email, PASSWORD)

    const revenue = (await client.get('/api/reports/revenue').qs(RANGE).bearerToken(team.owner.token)).body()
    const revenueRows = parse((await web.get(`/reports/revenue.csv?${qs(RANGE)}`)).text(), { columns: true }) as any[]
    assert.deepEqual(revenueRows, [
      ...revenue.months.map((month: any) => ({ month: month.month, invoiced: decimal(month.invoiced), paid: decimal(month.paid) })),
      { month: 'Total', invoiced: decimal(revenue.totals.invoiced), paid: decimal(revenue.totals.paid) },
    ])
    assert.include((await pdfOf(client, web, `/reports/revenue.pdf?${qs(RANGE)}`)).text, '$750.00')

    const drill = (await client.get(`/api/reports/profitability/projects/${team.a}`).qs(RANGE).bearerToken(team.owner.token)).body()
    const drillRows = parse((await web.get(`/reports/projects/${team.a}/members.csv?${qs(RANGE)}`)).text(), { columns: true }) as any[]
    assert.deepEqual(drillRows, [
      ...drill.members.map((member: any) => ({
        member: member.name,
        currency: 'USD',
        hours: hours(member.seconds),
        billable_hours: hours(member.billableSeconds),
        cost: decimal(member.cost),
        billable_value: decimal(member.billableValue),
      })),
      {
        member: 'Total',
        currency: 'USD',
        hours: hours(drill.totals.seconds),
        billable_hours: hours(drill.totals.billableSeconds),
        cost: decimal(drill.totals.cost),
        billable_value: decimal(drill.totals.billableValue),
      },
    ])
    assert.equal(drillRows[drillRows.length - 1].hours, '5.00')
    assert.include((await pdfOf(client, web, `/reports/projects/${team.a}/members.pdf?${qs(RANGE)}`)).text, 'by member')

    const capacity = (await client.get('/api/reports/capacity').qs({ weeks: 2 }).bearerToken(team.owner.token)).body()
    const capacityRows = parse((await web.get('/reports/capacity.csv?weeks=2')).text(), { columns: true }) as any[]
    assert.lengthOf(capacityRows, capacity.members.length * 2)
    assert.deepEqual(
      capacityRows.map((row: any) => [row.member, row.week_start, row.allocated_hours, row.capacity_hours]),
      capacity.members.flatMap((member: any) => member.weeks.map((week: any) => [member.name, week.weekStart, hours(week.allocatedSeconds), hours(week.capacitySeconds)]))
    )
    assert.include((await pdfOf(client, web, '/reports/capacity.pdf?weeks=2')).text, 'Capacity')
  }).timeout(60_000)

  test('the pages link the downloads: grouped profitability, revenue, pipeline, receivables, capacity and the drill-down', async ({ client, assert }) => {
    const team = await books('Export links', client)
    const web = await new WebSession(client).login(team.owner.email, PASSWORD)
    const html = (await web.get(`/reports?${qs({ ...RANGE, groupBy: 'client' })}`)).text()
    assert.include(html, `/reports/profitability.csv?from=${RANGE.from}&amp;to=${RANGE.to}&amp;groupBy=client`)
    assert.include(html, `/reports/revenue.pdf?from=${RANGE.from}&amp;to=${RANGE.to}`)
    assert.include(html, '/reports/pipeline.csv?')
    assert.include(html, '/reports/receivables.pdf?')
    assert.include(html, '/reports/capacity.csv?weeks=')
    const drill = (await web.get(`/reports/projects/${team.a}?${qs(RANGE)}`)).text()
    assert.include(drill, `/reports/projects/${team.a}/members.csv?from=${RANGE.from}&amp;to=${RANGE.to}`)
  }).timeout(60_000)

  test('utilization tab: hours per week of the range, per person and in total, matching the utilization figures', async ({ client, assert }) => {
    const team = await books('Weekly hours', client)
    const web = await new WebSession(client).login(team.owner.email, PASSWORD)
    const range = { from: '2026-11-04', to: '2026-11-29' }
    const page = await web.page(`/reports?${qs({ ...range, tab: 'utilization' })}`)
    const weekly = page.props.utilizationWeekly
    assert.deepEqual(
      weekly.weeks.map((week: any) => [week.weekStart, week.from, week.to]),
      [
        ['2026-11-02', '2026-11-04', '2026-11-08'],
        ['2026-11-09', '2026-11-09', '2026-11-15'],
        ['2026-11-16', '2026-11-16', '2026-11-22'],
        ['2026-11-23', '2026-11-23', '2026-11-29'],
      ]
    )
    // The 3 Nov entry is outside the range; the member's 4 h on 4–5 Nov land in the first week.
    assert.deepEqual(weekly.weeks.map((week: any) => week.seconds), [14400, 0, 0, 0])
    const member = weekly.members.find((row: any) => row.userId === team.member.userId)
    assert.deepEqual(member.seconds, [14400, 0, 0, 0])
    for (const row of page.props.utilization.members) {
      const series = weekly.members.find((candidate: any) => candidate.userId === row.userId)
      assert.equal(series.seconds.reduce((total: number, seconds: number) => total + seconds, 0), row.loggedSeconds)
    }
    const html = (await web.get(`/reports?${qs({ ...range, tab: 'utilization' })}`)).text()
    assert.include(html, 'Hours per week')

    // A member sees only themselves.
    const own = await new WebSession(client).login(team.member.email, PASSWORD)
    assert.equal((await own.get(`/reports?${qs(range)}`)).status(), 403)
  }).timeout(60_000)

  test('members get 403 on the financial exports; managers 404 on projects they do not manage', async ({ client, assert }) => {
    const team = await books('Export roles', client)
    const member = await new WebSession(client).login(team.member.email, PASSWORD)
    for (const url of [
      '/reports/pipeline.csv',
      '/reports/pipeline.pdf',
      '/reports/receivables.csv',
      '/reports/receivables.pdf',
      `/reports/revenue.csv?${qs(RANGE)}`,
      `/reports/revenue.pdf?${qs(RANGE)}`,
      `/reports/profitability.csv?${qs({ ...RANGE, groupBy: 'client' })}`,
      `/reports/profitability.pdf?${qs({ ...RANGE, groupBy: 'member' })}`,
      `/reports/projects/${team.a}/members.csv?${qs(RANGE)}`,
    ]) {
      assert.equal((await member.get(url)).status(), 403, url)
    }
    // Capacity is for everyone, narrowed to themselves.
    const own = parse((await member.get('/reports/capacity.csv?weeks=1')).text(), { columns: true }) as any[]
    assert.isAbove(own.length, 0)
    assert.lengthOf([...new Set(own.map((row: any) => row.member))], 1)

    const manager = await new WebSession(client).login(team.manager.email, PASSWORD)
    assert.equal((await manager.get(`/reports/projects/${team.b}/members.csv?${qs(RANGE)}`)).status(), 404)
    assert.equal((await manager.get(`/reports/projects/${team.a}/members.csv?${qs(RANGE)}`)).status(), 200)
  }).timeout(60_000)
})
