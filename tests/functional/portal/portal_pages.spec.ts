import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { ApiRequest, type ApiClient } from '@japa/api-client'
import drive from '@adonisjs/drive/services/main'
import { resetStripeClient } from '#billing/stripe/stripe_client'
import { createClient } from '#tests/helpers/crm'
import { PORTAL_COOKIE, portalContact, portalSessionToken } from '#tests/helpers/portal'
import { accessLog, owner, portalWorld } from '#tests/helpers/portal_views'
import { pdfText } from '#tests/helpers/invoice_delivery'
import { stripeStub } from '#tests/helpers/stripe_stub'
import { PASSWORD } from '#tests/helpers/factories'
import { pageOf, WebSession } from '#tests/helpers/web_session'

// Read PDFs and images as bytes.
for (const type of ['application/pdf', 'image/png']) {
  ApiRequest.addParser(type, (res, done) => {
    const chunks: Buffer[] = []
    res.on('data', (chunk: Buffer) => chunks.push(chunk))
    res.on('end', () => done(null, Buffer.concat(chunks)))
  })
}

const get = (client: ApiClient, url: string, token: string) => client.get(url).withEncryptedCookie(PORTAL_COOKIE, token).redirects(0)

async function page(client: ApiClient, url: string, token: string) {
  const response = await get(client, url, token)
  response.assertStatus(200)
  return { html: response.text(), page: pageOf(response.text()) }
}

/** The markup Vue rendered on the server, without the page object (which also holds the props). */
const rendered = (html: string) => html.replace(/data-page="[^"]*"/, '')

test.group('Portal pages', () => {
  test('home: rendered on the server, branded with the agency\u2019s name and colour; the company\u2019s projects and outstanding invoices only', async ({ client, assert }) => {
    const world = await portalWorld('Pages home')
    const { html, page: home } = await page(client, '/portal', world.token)
    assert.equal(home.component, 'portal/home')
    assert.deepInclude(home.props.portal, {
      agency: { id: world.team.agencyId, name: world.agencyName, logoUrl: null, brandColor: '#0f766e' },
      contact: { id: world.contact.contactId, name: 'Carla Client', companyName: 'Pages home client' },
    })
    assert.sameMembers(
      home.props.projects.map((project: any) => project.id),
      [world.team.projectId, world.planningProjectId]
    )
    assert.deepEqual(
      home.props.outstandingInvoices.map((invoice: any) => invoice.id),
      [world.sentInvoice.id]
    )
    assert.deepEqual(home.props.outstandingTotals, [{ currency: 'USD', amount: world.sentInvoice.total }])

    const markup = rendered(html)
    assert.match(markup, /style="[^"]*--brand:\s*#0f766e/)
    assert.include(markup, world.agencyName)
    assert.include(markup, 'Sign out')
    assert.include(markup, 'Pages home project')
    assert.include(markup, 'Beta launch')
    assert.include(markup, world.sentInvoice.number)
    assert.include(markup, 'aria-valuenow="25"')
    assert.notInclude(html, 'Rival')
    assert.notInclude(html, world.draftInvoice.number)
    assert.deepInclude(await accessLog(world.contact.contactId), { action: 'view', subject_type: 'home', subject_id: null, detail: '/portal' })
  }).timeout(60_000)

  test('home and invoices have clear empty states; a void invoice is listed but not outstanding', async ({ client, assert }) => {
    const world = await portalWorld('Pages empty')
    const { clientId } = await createClient(world.team.agencyId, 'Brand new company', { name: 'Nina New', email: `nina-${Date.now()}@new.test` })
    const token = await portalSessionToken(await portalContact(world.team.agencyId, clientId))
    const { html, page: home } = await page(client, '/portal', token)
    assert.lengthOf(home.props.projects, 0)
    assert.lengthOf(home.props.outstandingInvoices, 0)
    assert.include(rendered(html), 'No projects yet')
    assert.include(rendered(html), 'all paid up')
    const invoices = await page(client, '/portal/invoices', token)
    assert.lengthOf(invoices.page.props.invoices, 0)
    assert.include(rendered(invoices.html), 'No invoices yet')

    await owner().from('invoices').where('id', world.sentInvoice.id).update({ status: 'void', voided_at: new Date(), void_reason: 'Issued by mistake' })
    assert.lengthOf((await page(client, '/portal', world.token)).page.props.outstandingInvoices, 0)
    const listed = await page(client, '/portal/invoices', world.token)
    assert.deepEqual(
      listed.page.props.invoices.map((invoice: any) => [invoice.id, invoice.status, invoice.amountDue, invoice.payable]),
      [[world.sentInvoice.id, 'void', 0, false]]
    )
    const pay = await get(client, `/portal/invoices/${world.sentInvoice.id}/pay`, world.token)
    assert.equal(pay.header('location'), `/portal/invoices/${world.sentInvoice.id}`)
  }).timeout(60_000)

  test('project: milestone timeline, visible tasks only, the deliverables area; another company\u2019s project is 404', async ({ client, assert }) => {
    const world = await portalWorld('Pages project')
    const { html, page: show } = await page(client, `/portal/projects/${world.team.projectId}`, world.token)
    assert.equal(show.component, 'portal/projects/show')
    assert.include(show.props.project, { id: world.team.projectId, status: 'active', progress: 25 })
    assert.sameMembers(
      show.props.project.tasks.map((task: any) => task.title),
      ['Design sign-off', 'Build the landing page']
    )
    assert.deepEqual(
      show.props.project.milestones.map((milestone: any) => milestone.name),
      ['Beta launch', 'Kick-off']
    )
    assert.property(show.props, 'extras')
    assert.include(rendered(html), 'Build the landing page')
    assert.include(rendered(html), 'Milestone reached: Kick-off')
    assert.notInclude(html, 'Internal refactor')

    const planning = await page(client, `/portal/projects/${world.planningProjectId}`, world.token)
    assert.include(rendered(planning.html), 'has not shared any tasks')

    ;(await get(client, `/portal/projects/${world.other.projectId}`, world.token)).assertStatus(404)
    ;(await get(client, '/portal/projects/00000000-0000-4000-8000-000000000000', world.token)).assertStatus(404)
    const log = await accessLog(world.contact.contactId)
    assert.deepInclude(log, { action: 'view', subject_type: 'project', subject_id: world.team.projectId, detail: 'Pages project project' })
    assert.notInclude(
      log.map((entry) => entry.subject_id),
      world.other.projectId
    )
  }).timeout(60_000)

  test('invoices: sent ones only, with lines and totals; a draft or another company\u2019s invoice is 404', async ({ client, assert }) => {
    const world = await portalWorld('Pages invoices')
    const list = await page(client, '/portal/invoices', world.token)
    assert.equal(list.page.component, 'portal/invoices/index')
    assert.deepEqual(
      list.page.props.invoices.map((invoice: any) => invoice.id),
      [world.sentInvoice.id]
    )
    assert.include(rendered(list.html), world.sentInvoice.number)

    const detail = await page(client, `/portal/invoices/${world.sentInvoice.id}`, world.token)
    assert.equal(detail.page.component, 'portal/invoices/show')
    const { invoice, payment } = detail.page.props
    assert.include(invoice, { id: world.sentInvoice.id, number: world.sentInvoice.number, status: 'sent', total: world.sentInvoice.total, payable: true })
    assert.isAbove(invoice.lines.length, 0)
    assert.deepEqual(payment, { stripe: true, instructions: null })
    const markup = rendered(detail.html)
    assert.include(markup, 'Download PDF')
    assert.include(markup, `href="/portal/invoices/${world.sentInvoice.id}/pdf"`)
    assert.include(markup, `href="/portal/invoices/${world.sentInvoice.id}/pay"`)

    for (const id of [world.draftInvoice.id, world.other.invoice.id]) {
      ;(await get(client, `/portal/invoices/${id}`, world.token)).assertStatus(404)
      ;(await get(client, `/portal/invoices/${id}/pdf`, world.token)).assertStatus(404)
      ;(await get(client, `/portal/invoices/${id}/pay`, world.token)).assertStatus(404)
    }
    assert.deepInclude(await accessLog(world.contact.contactId), {
      action: 'view',
      subject_type: 'invoice',
      subject_id: world.sentInvoice.id,
      detail: world.sentInvoice.number,
    })

    // The invoice's own timeline shows the view, once a day however often it is opened.
    await page(client, `/portal/invoices/${world.sentInvoice.id}`, world.token)
    const views = await db.connection('owner').from('invoice_activities').where('invoice_id', world.sentInvoice.id).where('kind', 'viewed')
    assert.lengthOf(views, 1)
    assert.match(views[0].detail, /^Viewed by .+ in the portal$/)
  }).timeout(60_000)

  test('Download PDF streams the invoice\u2019s PDF and is logged', async ({ client, assert }) => {
    const world = await portalWorld('Pages pdf')
    const response = await get(client, `/portal/invoices/${world.sentInvoice.id}/pdf`, world.token)
    response.assertStatus(200)
    assert.equal(response.header('content-type'), 'application/pdf')
    assert.include(response.header('content-disposition'), `attachment; filename="${world.sentInvoice.number}.pdf"`)
    assert.include(response.header('cache-control'), 'private')
    const text = await pdfText(response.body())
    assert.include(text, world.sentInvoice.number)
    assert.include(text, 'Pages pdf client')
    assert.deepInclude(await accessLog(world.contact.contactId), {
      action: 'download',
      subject_type: 'invoice',
      subject_id: world.sentInvoice.id,
      detail: `${world.sentInvoice.number}.pdf`,
    })
  }).timeout(60_000)

  test('Pay redirects to Stripe Checkout for what is due; without Stripe it shows the agency\u2019s payment instructions', async ({ client, assert, cleanup }) => {
    const world = await portalWorld('Pages pay')
    const response = await get(client, `/portal/invoices/${world.sentInvoice.id}/pay`, world.token)
    response.assertStatus(302)
    const location = response.header('location')!
    assert.match(location, new RegExp(`^http://127\\.0\\.0\\.1:${stripeStub.port}/pay/cs_test_`))
    const session = stripeStub.sessions.get(location.split('/').pop()!)!
    assert.include(session.metadata, { invoice_id: world.sentInvoice.id, agency_id: world.team.agencyId })
    assert.equal(session.amount_total, world.sentInvoice.total)
    assert.deepInclude(await accessLog(world.contact.contactId), { action: 'pay', subject_type: 'invoice', subject_id: world.sentInvoice.id, detail: 'checkout' })

    // Stripe off: the agency's own instructions.
    const saved = process.env.STRIPE_SECRET_KEY
    cleanup(() => {
      process.env.STRIPE_SECRET_KEY = saved
      resetStripeClient()
    })
    delete process.env.STRIPE_SECRET_KEY
    resetStripeClient()
    await owner().table('billing_settings').insert({ agency_id: world.team.agencyId, payment_instructions: 'Bank transfer to IBAN GB33 BUKB 2020 1555 5555 55' })
    const manual = await get(client, `/portal/invoices/${world.sentInvoice.id}/pay`, world.token)
    manual.assertStatus(302)
    assert.equal(manual.header('location'), `/portal/invoices/${world.sentInvoice.id}?pay=1`)
    const detail = await page(client, `/portal/invoices/${world.sentInvoice.id}?pay=1`, world.token)
    assert.deepEqual(detail.page.props.payment, { stripe: false, instructions: 'Bank transfer to IBAN GB33 BUKB 2020 1555 5555 55' })
    assert.include(rendered(detail.html), 'Bank transfer to IBAN GB33 BUKB 2020 1555 5555 55')
  }).timeout(60_000)

  test('the agency\u2019s logo reaches the portal through a portal route', async ({ client, assert }) => {
    const world = await portalWorld('Pages logo')
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
    const key = `agencies/${world.team.agencyId}/logo-test.png`
    await drive.use().put(key, png, { contentType: 'image/png', visibility: 'private' })
    await owner().from('agencies').where('id', world.team.agencyId).update({ logo_path: key })
    const home = await page(client, '/portal', world.token)
    assert.equal(home.page.props.portal.agency.logoUrl, '/portal/logo?v=logo-test.png')
    assert.include(rendered(home.html), 'src="/portal/logo?v=logo-test.png"')
    const logo = await get(client, '/portal/logo?v=logo-test.png', world.token)
    logo.assertStatus(200)
    assert.deepEqual(Buffer.from(logo.body()), png)
    ;(await get(client, '/portal/logo?v=other.png', world.token)).assertStatus(404)
    ;(await client.get('/portal/logo?v=logo-test.png').redirects(0)).assertStatus(302)
  }).timeout(60_000)

  test('no portal session (or only a staff session): the pages send you to the portal sign-in', async ({ client, assert }) => {
    const world = await portalWorld('Pages guest')
    for (const url of ['/portal', `/portal/projects/${world.team.projectId}`, '/portal/invoices', `/portal/invoices/${world.sentInvoice.id}/pdf`]) {
      const anonymous = await client.get(url).redirects(0)
      anonymous.assertStatus(302)
      assert.equal(anonymous.header('location'), '/portal/login')
    }
    const staff = await new WebSession(client).login(world.team.owner.email, PASSWORD)
    const response = await staff.get('/portal')
    response.assertStatus(302)
    assert.equal(response.header('location'), '/portal/login')
  }).timeout(60_000)
})
