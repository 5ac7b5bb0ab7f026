import { test } from '@japa/runner'
import { ApiRequest } from '@japa/api-client'
import drive from '@adonisjs/drive/services/main'
import { withTenant } from '#core/public/tenancy'
import RenderInvoicePdf from '#billing/actions/render_invoice_pdf'
import RecordPayment from '#billing/actions/record_payment'
import { createAgency, PASSWORD } from '#tests/helpers/factories'
import { WebSession } from '#tests/helpers/web_session'
import { daysFromToday, draftInvoice, markSent, owner, pdfText, sleep } from '#tests/helpers/invoice_delivery'

// Read PDFs as bytes.
ApiRequest.addParser('application/pdf', (res, done) => {
  const chunks: Buffer[] = []
  res.on('data', (chunk: Buffer) => chunks.push(chunk))
  res.on('end', () => done(null, Buffer.concat(chunks)))
})

async function invoiceRow(invoiceId: string) {
  const [row] = await owner().from('invoices').where('id', invoiceId)
  return row
}

/** The render job the invoice's creation queued, run by the separately started worker. */
async function renderedByWorker(invoiceId: string) {
  const until = Date.now() + 20_000
  while (Date.now() < until) {
    const row = await invoiceRow(invoiceId)
    if (row.pdf_path) return row
    await sleep(100)
  }
  throw new Error('The worker did not render the invoice PDF within 20 s')
}

test.group('Invoice PDF', () => {
  test('rendered on the queue when the invoice is created, stored privately, streamed to staff; it parses back with number, client and total', async ({ client, assert }) => {
    const setup = await draftInvoice('Pdfco', { hours: 4, taxPercent: 20 })
    const rendered = await renderedByWorker(setup.invoiceId)
    assert.match(rendered.pdf_path, new RegExp(`^billing/${setup.agencyId}/invoices/${setup.invoiceId}/`))
    assert.isTrue(await drive.use().exists(rendered.pdf_path))

    const response = await client.get(`/api/invoices/${setup.invoiceId}/pdf`).bearerToken(setup.owner.token)
    response.assertStatus(200)
    assert.equal(response.header('content-type'), 'application/pdf')
    assert.include(response.header('content-disposition'), `${setup.number}.pdf`)
    assert.include(response.header('cache-control'), 'private')
    const text = await pdfText(response.body())
    for (const expected of [setup.number, setup.companyName, 'Bea Billing', setup.clientEmail, '$720.00', '$600.00', '$120.00', 'Tax (20 %)', '150.00 / h', '4.00 h']) {
      assert.include(text, expected)
    }

    // Idempotent: the download and a rerun of the job find the file fresh.
    const again = await invoiceRow(setup.invoiceId)
    assert.equal(again.pdf_path, rendered.pdf_path)
    assert.equal(new Date(again.pdf_rendered_at).getTime(), new Date(rendered.pdf_rendered_at).getTime())
    const rerun = await withTenant(setup.agencyId, () => new RenderInvoicePdf().handle(setup.invoiceId))
    assert.isFalse(rerun.rendered)
  }).timeout(60_000)

  test('a change to the invoice (a payment, payment instructions) gives a new PDF; the old file goes', async ({ client, assert }) => {
    const setup = await draftInvoice('Repaint', { hours: 2 })
    const first = await renderedByWorker(setup.invoiceId)
    await markSent(setup.invoiceId, daysFromToday(-1))
    await owner().table('billing_settings').insert({ agency_id: setup.agencyId, payment_instructions: 'IBAN GB33 BUKB 2020 1555 5555 55' })
    await withTenant(setup.agencyId, () => new RecordPayment().handle(setup.invoiceId, { amountCents: 10000, paidOn: daysFromToday(0), method: 'bank_transfer' }))

    const response = await client.get(`/api/invoices/${setup.invoiceId}/pdf`).bearerToken(setup.owner.token)
    response.assertStatus(200)
    const text = await pdfText(response.body())
    assert.include(text, 'Amount paid')
    assert.include(text, '$100.00')
    // 2 h × 150.00 = 300.00; 200.00 still due, with the agency's instructions (no Stripe here).
    assert.include(text, '$200.00')
    assert.include(text, 'IBAN GB33 BUKB 2020 1555 5555 55')
    const second = await invoiceRow(setup.invoiceId)
    assert.notEqual(second.pdf_path, first.pdf_path)
    await sleep(200)
    assert.isFalse(await drive.use().exists(first.pdf_path))
    assert.isTrue(await drive.use().exists(second.pdf_path))
  }).timeout(60_000)

  test('zero-decimal currencies print without minor digits', async ({ client, assert }) => {
    const setup = await draftInvoice('Yenco', { hours: 4 })
    await owner().from('invoices').where('id', setup.invoiceId).update({ currency: 'JPY' })
    const response = await client.get(`/api/invoices/${setup.invoiceId}/pdf`).bearerToken(setup.owner.token)
    response.assertStatus(200)
    const text = await pdfText(response.body())
    assert.include(text, '¥60,000')
    assert.notInclude(text, '¥60,000.00')
  }).timeout(60_000)

  test('the page route streams it to signed-in staff; another agency and members are refused', async ({ client, assert }) => {
    const setup = await draftInvoice('Pagepdf')
    const session = new WebSession(client)
    await session.login(setup.owner.email, PASSWORD)
    const page = await session.get(`/invoices/${setup.invoiceId}/pdf`)
    page.assertStatus(200)
    assert.equal(page.header('content-type'), 'application/pdf')

    const stranger = await createAgency('Stranger')
    ;(await client.get(`/api/invoices/${setup.invoiceId}/pdf`).bearerToken(stranger.token)).assertStatus(404)
    ;(await client.get(`/api/invoices/${setup.invoiceId}/pdf`).bearerToken(setup.member.token)).assertStatus(403)
  }).timeout(60_000)
})
