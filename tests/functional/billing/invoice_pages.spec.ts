import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { tenancy } from '#core/public/tenancy'
import GenerateInvoice from '#billing/actions/generate_invoice'
import { PASSWORD } from '#tests/helpers/factories'
import { approveTime, logTime, timeTeam } from '#tests/helpers/time'
import { WebSession } from '#tests/helpers/web_session'

const owner = () => db.connection('owner')

/** The member's 2 h 20 min at 150.00/h (350.00) on 16 Nov 2026, approved; tax 20 %. */
async function billableTeam(name: string) {
  const team = await timeTeam(name)
  await owner().from('agencies').where('id', team.agencyId).update({ tax_rate_basis_points: 2000, payment_terms_days: 14 })
  const entry = await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: '2026-11-16', seconds: 8400 })
  await approveTime([entry])
  return team
}

/** A draft through the real action, as the owner. */
async function draftFor(team: Awaited<ReturnType<typeof billableTeam>>) {
  return tenancy.run(
    async () => {
      const { invoice } = await new GenerateInvoice().handle({ projectId: team.projectId, from: '2026-11-16', to: '2026-11-22' })
      return invoice.id
    },
    { agencyId: team.agencyId, userId: team.owner.userId, role: 'owner' }
  )
}

test.group('Invoice pages', () => {
  test('the list renders with totals, filters and pagination props; members get 403 and no nav link', async ({ client, assert }) => {
    const team = await billableTeam('Pages list')
    const invoiceId = await draftFor(team)
    const web = await new WebSession(client).login(team.owner.email, PASSWORD)
    const page = await web.page('/invoices')
    assert.equal(page.component, 'billing/invoices/index')
    assert.include(page.props.list, { total: 1, page: 1, outstanding: 0, overdue: 0, currency: 'USD' })
    assert.include(page.props.list.invoices[0], { id: invoiceId, number: 'INV-0001', status: 'draft', total: 42000, clientName: 'Pages list client' })
    assert.deepEqual(page.props.filters, { status: '', clientId: '', overdue: false })
    assert.deepEqual(page.props.options.clients, [{ value: team.clientId, label: 'Pages list client' }])

    const filtered = await web.page('/invoices?status=paid&overdue=true')
    assert.deepEqual(filtered.props.filters, { status: 'paid', clientId: '', overdue: true })
    assert.lengthOf(filtered.props.list.invoices, 0)

    const manager = await new WebSession(client).login(team.manager.email, PASSWORD)
    assert.equal((await manager.page('/invoices')).props.list.total, 1)

    const member = await new WebSession(client).login(team.member.email, PASSWORD)
    assert.equal((await member.get('/invoices')).status(), 403)
    assert.equal((await member.get('/invoices/create')).status(), 403)
    assert.equal((await member.get(`/invoices/${invoiceId}`)).status(), 403)
    // The staff layout renders the nav on the server: members do not get the link.
    const dashboard = await member.get('/dashboard')
    assert.notInclude(dashboard.text(), 'href="/invoices"')
    assert.include((await web.get('/dashboard')).text(), 'href="/invoices"')
  })

  test('the builder previews without writing, shows "nothing to invoice", and creates through the form post', async ({ client, assert }) => {
    const team = await billableTeam('Pages builder')
    const web = await new WebSession(client).login(team.owner.email, PASSWORD)
    const blank = await web.page('/invoices/create')
    assert.equal(blank.component, 'billing/invoices/create')
    assert.isNull(blank.props.preview)
    assert.deepEqual(blank.props.options.clients, [{ value: team.clientId, label: 'Pages builder client' }])
    assert.equal(blank.props.options.projects[0].id, team.projectId)
    assert.include(blank.props.options, { taxRate: 20, paymentTermsDays: 14 })
    const today = DateTime.utc().toISODate()!
    assert.equal(blank.props.options.defaultDueDate, DateTime.fromISO(today).plus({ days: 14 }).toISODate())

    const query = `clientId=${team.clientId}&from=2026-11-16&to=2026-11-22&groupBy=member&taxRate=10&preview=1`
    const previewed = await web.page(`/invoices/create?${query}`)
    assert.deepEqual(previewed.props.previewErrors, {})
    assert.include(previewed.props.preview, { subtotal: 35000, taxRate: 10, tax: 3500, total: 38500, currency: 'USD' })
    assert.lengthOf(previewed.props.preview.lines, 1)
    assert.include(previewed.props.choices, { clientId: team.clientId, from: '2026-11-16', taxRate: '10' })
    assert.lengthOf(await owner().from('invoices').where('agency_id', team.agencyId), 0)

    const nothing = await web.page(`/invoices/create?clientId=${team.clientId}&from=2026-10-01&to=2026-10-31&preview=1`)
    assert.lengthOf(nothing.props.preview.lines, 0)
    assert.equal(nothing.props.preview.total, 0)

    const backwards = await web.page(`/invoices/create?clientId=${team.clientId}&from=2026-11-22&to=2026-11-16&preview=1`)
    assert.isNull(backwards.props.preview)
    assert.property(backwards.props.previewErrors, 'to')

    // Bad input on the post comes back per field.
    const bad = await web.send('post', '/invoices', { clientId: team.clientId, from: '2026-11-16', to: 'soon', taxRate: 101 }, '/invoices/create')
    assert.equal(bad.status(), 302)
    const withErrors = await web.page('/invoices/create')
    assert.properties(withErrors.props.errors, ['to', 'taxRate'])

    const created = await web.post('/invoices', {
      clientId: team.clientId,
      projectIds: [team.projectId],
      from: '2026-11-16',
      to: '2026-11-22',
      groupBy: 'day',
      taxRate: '10',
      dueDate: '2026-12-31',
      notes: 'Thank you',
    })
    assert.equal(created.status(), 302)
    const location = created.headers().location as string
    assert.match(location, /^\/invoices\/[0-9a-f-]{36}$/)
    const shown = await web.page(location)
    assert.include(shown.props.invoice, { number: 'INV-0001', total: 38500, dueDate: '2026-12-31', notes: 'Thank you', groupBy: 'day' })
    assert.equal(shown.props.flash.success, 'INV-0001 created as a draft')

    // The same time is not billed twice: the second post is a 422 on the form.
    await web.send('post', '/invoices', { clientId: team.clientId, from: '2026-11-16', to: '2026-11-22' }, '/invoices/create')
    assert.match((await web.page('/invoices/create')).props.errors.to, /Nothing to invoice/)
  })

  test('the detail page renders lines, ledger, timeline and the actions of its state', async ({ client, assert }) => {
    const team = await billableTeam('Pages show')
    const invoiceId = await draftFor(team)
    const web = await new WebSession(client).login(team.manager.email, PASSWORD)
    const page = await web.page(`/invoices/${invoiceId}`)
    assert.equal(page.component, 'billing/invoices/show')
    assert.include(page.props.invoice, { id: invoiceId, status: 'draft', subtotal: 35000, tax: 7000, total: 42000 })
    assert.lengthOf(page.props.invoice.lines, 1)
    assert.isString(page.props.invoice.lines[0].id)
    assert.deepEqual(page.props.invoice.activity.map((entry: any) => entry.kind), ['created'])
    assert.include(page.props.can, { editLines: true, void: true, recordPayment: false, creditNote: false, resend: false })

    // Sent: payments are recorded (partially), lines no longer change.
    await owner().from('invoices').where('id', invoiceId).update({ sent_at: new Date(), status: 'sent', due_date: '2099-01-01' })
    await web.send('post', `/invoices/${invoiceId}/payments`, { amount: 12000, paidOn: '2026-11-30', method: 'bank_transfer', reference: 'TRX-1' }, `/invoices/${invoiceId}`)
    const paid = await web.page(`/invoices/${invoiceId}`)
    assert.include(paid.props.invoice, { status: 'partially_paid', amountPaid: 12000, amountDue: 30000 })
    assert.deepEqual(paid.props.invoice.payments.map((row: any) => [row.kind, row.amount, row.reference]), [['payment', 12000, 'TRX-1']])
    assert.include(paid.props.can, { editLines: false, recordPayment: true, void: false, resend: true })
    assert.deepEqual(paid.props.invoice.activity.map((entry: any) => entry.kind), ['created', 'payment_recorded'])

    // Another agency's invoice is a 404.
    const other = await timeTeam('Pages other')
    const stranger = await new WebSession(client).login(other.owner.email, PASSWORD)
    assert.equal((await stranger.get(`/invoices/${invoiceId}`)).status(), 404)
  })

  test('void from the page needs a reason and frees the time again', async ({ client, assert }) => {
    const team = await billableTeam('Pages void')
    const invoiceId = await draftFor(team)
    const web = await new WebSession(client).login(team.owner.email, PASSWORD)
    await web.send('post', `/invoices/${invoiceId}/void`, { reason: '' }, `/invoices/${invoiceId}`)
    assert.property((await web.page(`/invoices/${invoiceId}`)).props.errors, 'reason')
    await web.send('post', `/invoices/${invoiceId}/void`, { reason: 'Wrong client' }, `/invoices/${invoiceId}`)
    const voided = await web.page(`/invoices/${invoiceId}`)
    assert.include(voided.props.invoice, { status: 'void', voidReason: 'Wrong client', amountDue: 0 })
    assert.isNull((await owner().from('time_entries').where('project_id', team.projectId).first()).invoice_id)
    // Voiding again is a conflict, shown as a toast.
    await web.send('post', `/invoices/${invoiceId}/void`, { reason: 'Again' }, `/invoices/${invoiceId}`)
    assert.match((await web.page(`/invoices/${invoiceId}`)).props.flash.error, /void/)
  })

  test('manual lines and discounts on the page re-add the totals exactly; a sent invoice refuses edits (409 toast)', async ({ client, assert }) => {
    const team = await billableTeam('Pages lines')
    const invoiceId = await draftFor(team)
    const web = await new WebSession(client).login(team.owner.email, PASSWORD)
    const from = `/invoices/${invoiceId}`

    const added = await web.send('post', `/invoices/${invoiceId}/lines`, { kind: 'manual', description: 'Domain renewal', quantity: '3', unitPrice: 1667 }, from)
    assert.equal(added.headers().location, from)
    await web.send('post', `/invoices/${invoiceId}/lines`, { kind: 'discount', description: 'Goodwill', unitPrice: 2501 }, from)
    let page = await web.page(from)
    // 350.00 + 3 × 16.67 (50.01) − 25.01 = 375.00; tax 20 % = 75.00
    assert.include(page.props.invoice, { subtotal: 37500, tax: 7500, total: 45000 })
    assert.deepEqual(
      page.props.invoice.lines.map((line: any) => [line.kind, line.amount]),
      [['time', 35000], ['manual', 5001], ['discount', -2501]]
    )
    assert.equal(page.props.invoice.subtotal, page.props.invoice.lines.reduce((sum: number, line: any) => sum + line.amount, 0))

    const manual = page.props.invoice.lines[1]
    await web.send('patch', `/invoice-lines/${manual.id}`, { quantity: '1.5' }, from)
    page = await web.page(from)
    // 1.5 × 16.67 = 25.005 → 25.01 (half-up once); 350.00 + 25.01 − 25.01 = 350.00
    assert.equal(page.props.invoice.lines[1].amount, 2501)
    assert.include(page.props.invoice, { subtotal: 35000, tax: 7000, total: 42000 })

    await web.send('delete', `/invoice-lines/${page.props.invoice.lines[2].id}`, {}, from)
    page = await web.page(from)
    assert.include(page.props.invoice, { subtotal: 37501, tax: 7500, total: 45001 })
    assert.equal(page.props.flash.success, 'Line removed')

    const missing = await web.send('post', `/invoices/${invoiceId}/lines`, { kind: 'manual', description: '', unitPrice: 'ten' }, from)
    assert.equal(missing.status(), 302)
    assert.properties((await web.page(from)).props.errors, ['description', 'unitPrice'])

    await owner().from('invoices').where('id', invoiceId).update({ sent_at: new Date(), status: 'sent' })
    await web.send('post', `/invoices/${invoiceId}/lines`, { kind: 'manual', description: 'Late', unitPrice: 100 }, from)
    page = await web.page(from)
    assert.match(page.props.flash.error, /only draft invoices can be edited/)
    assert.equal(page.props.invoice.total, 45001)
    // The API twin answers the same conflict as 409.
    const api = await client.post(`/api/invoices/${invoiceId}/lines`).bearerToken(team.owner.token).json({ description: 'Late', unitPrice: 100 })
    api.assertStatus(409)
  })

  test('the client page lists the invoices and the project has an Invoices tab', async ({ client, assert }) => {
    const team = await billableTeam('Pages seams')
    const invoiceId = await draftFor(team)
    const web = await new WebSession(client).login(team.owner.email, PASSWORD)
    const clientPage = await web.page(`/clients/${team.clientId}`)
    const section = clientPage.props.related.find((entry: any) => entry.key === 'invoices')
    assert.equal(section.records[0].href, `/invoices/${invoiceId}`)
    assert.match(section.records[0].detail, /Draft · \$420\.00/)

    const tab = await web.page(`/projects/${team.projectId}/invoices`)
    assert.equal(tab.component, 'projects/invoices')
    assert.isTrue(tab.props.billed)
    assert.deepEqual(tab.props.invoices.map((row: any) => [row.number, row.total, row.statusLabel]), [['INV-0001', 42000, 'Draft']])
    const member = await new WebSession(client).login(team.member.email, PASSWORD)
    assert.equal((await member.get(`/projects/${team.projectId}/invoices`)).status(), 403)
  })

  test('send, then paid in full, then a credit note — all from the page', async ({ client, assert }) => {
    const team = await billableTeam('Pages send')
    const invoiceId = await draftFor(team)
    await owner().from('invoices').where('id', invoiceId).update({ due_date: '2099-01-01' })
    const web = await new WebSession(client).login(team.owner.email, PASSWORD)
    const from = `/invoices/${invoiceId}`
    assert.include((await web.page(from)).props.features, { send: true, creditNote: true })

    await web.send('post', `/invoices/${invoiceId}/send`, {}, from)
    let page = await web.page(from)
    assert.equal(page.props.flash.success, 'INV-0001 sent')
    assert.include(page.props.invoice, { status: 'sent' })
    assert.include(page.props.can, { send: true, resend: true, recordPayment: true, editLines: false })
    assert.include(page.props.invoice.activity.map((entry: any) => entry.kind), 'sent')

    await web.send('post', `/invoices/${invoiceId}/payments`, { amount: 42000, paidOn: '2026-12-01', method: 'cash' }, from)
    page = await web.page(from)
    assert.include(page.props.invoice, { status: 'paid', amountDue: 0 })
    assert.include(page.props.can, { creditNote: true, void: false, recordPayment: false })

    await web.send('post', `/invoices/${invoiceId}/credit-notes`, { amount: 5000, reason: 'Goodwill' }, from)
    page = await web.page(from)
    assert.match(page.props.flash.success, /^Credit note CN-\d{4} issued$/)
    assert.lengthOf(await owner().from('credit_notes').where('invoice_id', invoiceId), 1)
  })
})
