import { test } from '@japa/runner'
import { withTenant } from '#core/public/tenancy'
import RecordPayment from '#billing/actions/record_payment'
import { daysFromToday, draftInvoice, markSent, owner } from '#tests/helpers/invoice_delivery'

/** A sent invoice (2 h × 150.00 = 300.00), paid in full unless told otherwise. */
async function paidInvoice(name: string, paidCents?: number) {
  const setup = await draftInvoice(name, { hours: 2 })
  await markSent(setup.invoiceId, daysFromToday(-1))
  await withTenant(setup.agencyId, () =>
    new RecordPayment().handle(setup.invoiceId, { amountCents: paidCents ?? setup.total, paidOn: daysFromToday(0), method: 'bank_transfer' })
  )
  return setup
}

test.group('Credit notes', () => {
  test('numbered CN-0001, CN-0002 per agency; at most what was paid net of earlier notes; listed on the invoice', async ({ client, assert }) => {
    const setup = await paidInvoice('Creditco')
    const url = `/api/invoices/${setup.invoiceId}/credit-notes`
    const first = await client.post(url).bearerToken(setup.owner.token).json({ amount: 10000, reason: 'Two hours billed twice' })
    first.assertStatus(201)
    assert.include(first.body().creditNote, { number: 'CN-0001', amount: 10000, currency: 'USD', reason: 'Two hours billed twice', invoiceId: setup.invoiceId })
    const second = await client.post(url).bearerToken(setup.manager.token).json({ amount: 15000, reason: 'Goodwill' })
    second.assertStatus(201)
    assert.equal(second.body().creditNote.number, 'CN-0002')

    // 300.00 paid, 250.00 credited: 50.01 is too much.
    const tooMuch = await client.post(url).bearerToken(setup.owner.token).json({ amount: 5001, reason: 'More' })
    tooMuch.assertStatus(422)
    assert.equal(tooMuch.body().errors[0].field, 'amount')
    assert.include(tooMuch.body().errors[0].message, '$50.00')
    const noReason = await client.post(url).bearerToken(setup.owner.token).json({ amount: 100, reason: ' ' })
    noReason.assertStatus(422)
    assert.equal(noReason.body().errors[0].field, 'reason')

    const shown = await client.get(`/api/invoices/${setup.invoiceId}`).bearerToken(setup.owner.token)
    assert.deepEqual(
      shown.body().invoice.creditNotes.map((note: any) => [note.number, note.amount]),
      [['CN-0001', 10000], ['CN-0002', 15000]]
    )
    assert.includeMembers(shown.body().invoice.activity.map((row: any) => row.kind), ['credit_note'])
    const audit = await owner().from('audit_logs').where({ entity_id: setup.invoiceId, action: 'credit_note_issued' })
    assert.lengthOf(audit, 2)
    // Its own sequence: the invoice numbers are untouched.
    const sequences = await owner().from('billing_sequences').where('agency_id', setup.agencyId).orderBy('kind')
    assert.deepEqual(sequences.map((row) => [row.kind, row.last_number]), [['credit_note', 2], ['invoice', 1]])
  }).timeout(60_000)

  test('an unpaid or partially paid invoice takes no credit note (409); members are refused', async ({ client, assert }) => {
    const draft = await draftInvoice('Unpaidco')
    const onDraft = await client.post(`/api/invoices/${draft.invoiceId}/credit-notes`).bearerToken(draft.owner.token).json({ amount: 100, reason: 'x' })
    onDraft.assertStatus(409)
    const partial = await paidInvoice('Partco', 1000)
    const onPartial = await client.post(`/api/invoices/${partial.invoiceId}/credit-notes`).bearerToken(partial.owner.token).json({ amount: 100, reason: 'x' })
    onPartial.assertStatus(409)
    const member = await client.post(`/api/invoices/${partial.invoiceId}/credit-notes`).bearerToken(partial.member.token).json({ amount: 100, reason: 'x' })
    member.assertStatus(403)
    const rows = await owner().from('credit_notes').whereIn('invoice_id', [draft.invoiceId, partial.invoiceId])
    assert.lengthOf(rows, 0)
  }).timeout(60_000)
})
