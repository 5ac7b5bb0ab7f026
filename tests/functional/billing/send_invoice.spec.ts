import { test } from '@japa/runner'
import { withTenant } from '#core/public/tenancy'
import SendInvoiceEmailJob from '#billing/jobs/send_invoice_email_job'
import { mailCatcher } from '#tests/helpers/mail_catcher'
import { activities, draftInvoice, owner, pdfText, sleep } from '#tests/helpers/invoice_delivery'
import VoidInvoice from '#billing/actions/void_invoice'

test.group('Sending invoices', () => {
  test('send: status sent, the email with the PDF reaches the billing contact, recorded in activity, audit and timeline', async ({ client, assert }) => {
    const setup = await draftInvoice('Sendco', { hours: 4, taxPercent: 20 })
    // 4 h × 150.00 = 600.00, tax 20 % = 120.00
    assert.equal(setup.total, 72000)
    const response = await client.post(`/api/invoices/${setup.invoiceId}/send`).bearerToken(setup.owner.token)
    response.assertStatus(200)
    const invoice = response.body().invoice
    assert.equal(invoice.status, 'sent')
    assert.isString(invoice.sentAt)

    const mail = await mailCatcher.waitFor(setup.clientEmail, new RegExp(`Invoice ${setup.number} from`))
    assert.include(mail.subject!, '$720.00')
    assert.include(mail.text!, setup.number)
    assert.include(mail.text!, '$720.00')
    assert.include(mail.text!, 'Hello Bea Billing')
    assert.include(mail.html as string, setup.number)
    assert.lengthOf(mail.attachments, 1)
    const [attachment] = mail.attachments
    assert.equal(attachment.contentType, 'application/pdf')
    assert.equal(attachment.filename, `${setup.number}.pdf`)
    const text = await pdfText(attachment.content)
    assert.include(text, setup.number)
    assert.include(text, setup.companyName)
    assert.include(text, '$720.00')

    const kinds = (await activities(setup.invoiceId)).map((row) => row.kind)
    assert.includeMembers(kinds, ['created', 'sent', 'emailed'])
    const audit = await owner().from('audit_logs').where({ entity_id: setup.invoiceId, action: 'sent' })
    assert.lengthOf(audit, 1)
    const timeline = await owner().from('client_activities').where({ client_id: setup.clientId, kind: 'invoice_sent' })
    assert.lengthOf(timeline, 1)
    assert.include(timeline[0].body, setup.number)
  }).timeout(60_000)

  test('re-send mails it again (sent_at kept); the email job runs once per send', async ({ client, assert }) => {
    const setup = await draftInvoice('Resendco')
    ;(await client.post(`/api/invoices/${setup.invoiceId}/send`).bearerToken(setup.owner.token)).assertStatus(200)
    await mailCatcher.waitFor(setup.clientEmail, new RegExp(setup.number))
    const [first] = await owner().from('invoices').where('id', setup.invoiceId)

    // The project's manager re-sends it.
    const resent = await client.post(`/api/invoices/${setup.invoiceId}/send`).bearerToken(setup.manager.token)
    resent.assertStatus(200)
    assert.equal(resent.body().invoice.status, 'sent')
    const until = Date.now() + 15_000
    while (mailCatcher.sentTo(setup.clientEmail).length < 2 && Date.now() < until) await sleep(100)
    assert.lengthOf(mailCatcher.sentTo(setup.clientEmail), 2)
    const [after] = await owner().from('invoices').where('id', setup.invoiceId)
    assert.equal(new Date(after.sent_at).toISOString(), new Date(first.sent_at).toISOString())
    const rows = await activities(setup.invoiceId)
    assert.deepEqual(
      rows.filter((row) => ['sent', 'resent', 'emailed'].includes(row.kind)).map((row) => row.kind).sort(),
      ['emailed', 'emailed', 'resent', 'sent']
    )

    // Running a send's email job again (a retry, a duplicate) sends nothing more.
    const sendRow = rows.find((row) => row.kind === 'resent')!
    for (let i = 0; i < 2; i++) {
      await new SendInvoiceEmailJob().handle({ agencyId: setup.agencyId, invoiceId: setup.invoiceId, dedupeKey: `email:${sendRow.id}`, kind: 'invoice' })
    }
    await sleep(1500)
    assert.lengthOf(mailCatcher.sentTo(setup.clientEmail), 2)
  }).timeout(60_000)

  test('a void invoice cannot be sent (409); a client without an email address is a 422; members are refused', async ({ client, assert }) => {
    const voided = await draftInvoice('Voidco')
    await withTenant(voided.agencyId, () => new VoidInvoice().handle(voided.invoiceId, 'Wrong client'))
    const conflict = await client.post(`/api/invoices/${voided.invoiceId}/send`).bearerToken(voided.owner.token)
    conflict.assertStatus(409)

    const silent = await draftInvoice('Silentco')
    await owner().from('contacts').where('client_id', silent.clientId).update({ email: null })
    const unprocessable = await client.post(`/api/invoices/${silent.invoiceId}/send`).bearerToken(silent.owner.token)
    unprocessable.assertStatus(422)
    assert.equal(unprocessable.body().errors[0].field, 'clientId')
    const [row] = await owner().from('invoices').where('id', silent.invoiceId)
    assert.equal(row.status, 'draft')
    assert.isNull(row.sent_at)

    const member = await client.post(`/api/invoices/${silent.invoiceId}/send`).bearerToken(silent.member.token)
    member.assertStatus(403)
    await sleep(500)
    assert.lengthOf(mailCatcher.sentTo(voided.clientEmail), 0)
  }).timeout(60_000)
})
