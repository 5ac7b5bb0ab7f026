import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type { Page } from 'playwright'
import { PASSWORD, uniqueEmail } from '#tests/helpers/factories'
import { assertMoved, open, signIn } from '#tests/helpers/browser_pages'
import { mailCatcher } from '#tests/helpers/mail_catcher'
import { pdfText } from '#tests/helpers/invoice_delivery'
import { drained, invoiceState, postStripeEvent, stripeStub } from '#tests/helpers/stripe_billing'
import { approveTime, logTime, timeTeam } from '#tests/helpers/time'

const owner = () => db.connection('owner')
const daysAgo = (days: number) => DateTime.utc().minus({ days }).toISODate()!
/** The status badge next to the page's title (the page also has "Sent" and "Paid" as labels of its details and totals). */
const statusBadge = (page: Page, number: string) =>
  page.getByRole('heading', { level: 1, name: `Invoice ${number}` }).locator('xpath=../following-sibling::div[1]')

test.group('Billing', () => {
  test('generate an invoice from time, send it (mail received by a real SMTP server), a signed webhook marks it paid; the client and the project show it', async ({
    browserContext,
    assert,
  }) => {
    // An agency whose member logged 3 h and 1.5 h last week, approved (150.00/h on the project, no tax).
    const team = await timeTeam('Browser billing')
    const clientEmail = uniqueEmail('billing')
    await owner().from('contacts').where('client_id', team.clientId).update({ email: clientEmail, name: 'Bea Billing' })
    const first = await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: daysAgo(6), seconds: 3 * 3600, description: 'Design' })
    const second = await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: daysAgo(5), seconds: 5400, description: 'Build' })
    await approveTime([first, second])
    // Time outside the chosen days stays unbilled.
    const later = await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: daysAgo(1), seconds: 3600, description: 'Later' })
    await approveTime([later])

    await signIn(browserContext, team.owner.email, PASSWORD)

    // The builder: client, its project (ticked for a new client), the days, Preview, Create.
    const builder = await open(browserContext, '/invoices/create')
    await builder.getByLabel('Client').selectOption({ label: 'Browser billing client' })
    const projectBox = builder.getByRole('checkbox', { name: /Browser billing project/ })
    await projectBox.waitFor()
    assert.isTrue(await projectBox.isChecked())
    await builder.getByLabel('From', { exact: true }).fill(daysAgo(6))
    await builder.getByLabel('To', { exact: true }).fill(daysAgo(5))
    await builder.getByRole('button', { name: 'Preview' }).click()
    const lines = builder.getByRole('table', { name: 'Lines of the invoice to be created' })
    await lines.waitFor()
    await lines.getByText('4.50 h').first().waitFor()
    const previewTotals = builder.getByRole('region', { name: 'Preview' })
    await previewTotals.getByText('$675.00').first().waitFor()
    await builder.getByRole('button', { name: 'Create invoice' }).click()
    await assertMoved(builder, '/invoices/create', /^\/invoices\/[0-9a-f-]{36}$/)
    const invoicePage = builder
    const invoiceId = new URL(invoicePage.url()).pathname.split('/').pop()!
    const created = await owner().from('invoices').where('id', invoiceId).firstOrFail()
    assert.equal(created.status, 'draft')
    assert.equal(Number(created.total_cents), 67_500)
    assert.equal(created.client_id, team.clientId)
    const number: string = created.number
    await invoicePage.getByRole('heading', { name: `Invoice ${number}` }).waitFor()
    await statusBadge(invoicePage, number).getByText('Draft', { exact: true }).waitFor()

    // Send: the status follows, and the email reaches the SMTP server with the PDF.
    await invoicePage.getByRole('group', { name: 'Invoice actions' }).getByRole('button', { name: 'Send', exact: true }).click()
    await invoicePage.getByRole('group', { name: 'Invoice actions' }).getByRole('button', { name: 'Re-send' }).waitFor()
    await statusBadge(invoicePage, number).getByText('Sent', { exact: true }).waitFor()
    const mail = await mailCatcher.waitFor(clientEmail, new RegExp(`Invoice ${number}`))
    assert.include(mail.text!, number)
    assert.include(mail.text!, '$675.00')
    assert.lengthOf(mail.attachments, 1)
    assert.equal(mail.attachments[0].contentType, 'application/pdf')
    assert.equal(mail.attachments[0].filename, `${number}.pdf`)
    const pdf = await pdfText(mail.attachments[0].content)
    assert.include(pdf, number)
    assert.include(pdf, '$675.00')

    // The client pays on Stripe Checkout: the stub's truth is paid in full, and Stripe signs and posts the events.
    const { stripe_checkout_session_id: sessionId } = await owner().from('invoices').where('id', invoiceId).firstOrFail()
    assert.isString(sessionId, 'Send made a Checkout session')
    const session = stripeStub.sessions.get(sessionId)!
    assert.equal(session.amount_total, 67_500)
    stripeStub.succeed(session.payment_intent)
    const completed = stripeStub.event('checkout.session.completed', { ...session, status: 'complete', payment_status: 'paid' })
    const succeeded = stripeStub.event('payment_intent.succeeded', stripeStub.intents.get(session.payment_intent)!)
    for (const event of [completed, succeeded]) {
      const answer = await postStripeEvent(event)
      assert.equal(answer.status, 200)
      assert.deepEqual(answer.body, { processed: true })
    }
    await drained([team.agencyId])
    const state = await invoiceState(invoiceId)
    assert.equal(state.status, 'paid')
    assert.equal(state.paid, 67_500)
    assert.lengthOf(state.ledger, 1)

    // The invoice page, reloaded: Paid, the Stripe payment in the ledger, nothing due.
    await invoicePage.reload()
    await invoicePage.waitForFunction(`document.querySelector('[data-page]')?.__vue_app__`)
    await statusBadge(invoicePage, number).getByText('Paid', { exact: true }).waitFor()
    assert.equal((await statusBadge(invoicePage, number).innerText()).trim(), 'Paid')
    const payments = invoicePage.getByRole('table', { name: /Payments, refunds and disputes/ })
    await payments.getByRole('cell', { name: 'Stripe' }).waitFor()
    await payments.getByRole('cell', { name: '$675.00' }).waitFor()
    await invoicePage.assertNotExists(invoicePage.getByRole('button', { name: 'Re-send' }))

    // The client: lifetime revenue is the invoice's total; the invoice is listed as paid.
    const clientPage = await open(browserContext, `/clients/${team.clientId}`)
    const revenue = clientPage.locator('dt', { hasText: 'Lifetime revenue' }).locator('xpath=following-sibling::dd[1]')
    await revenue.filter({ hasText: '$675.00' }).waitFor()
    assert.include(await revenue.innerText(), '$675.00')
    await clientPage.getByRole('link', { name: number }).first().waitFor()
    await clientPage.getByText(/Paid · \$675\.00/).first().waitFor()

    // The project's Invoices tab: the invoice, paid, nothing due.
    const projectInvoices = await open(browserContext, `/projects/${team.projectId}/invoices`)
    const table = projectInvoices.getByRole('table', { name: 'Invoices for this project' })
    const row = table.getByRole('row').filter({ has: projectInvoices.getByRole('link', { name: number }) })
    await row.waitFor()
    await row.getByText('Paid', { exact: true }).waitFor()
    await row.getByText('$675.00').waitFor()
    assert.deepEqual(
      (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim()).slice(-1),
      ['—']
    )

    // Only the chosen days were billed.
    const invoiced = await owner().from('time_entries').whereIn('id', [first, second, later]).orderBy('entry_date').select('invoice_id')
    assert.deepEqual(
      invoiced.map((entry) => entry.invoice_id),
      [invoiceId, invoiceId, null]
    )
  }).timeout(180_000)
})
