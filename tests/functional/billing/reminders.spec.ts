import { test } from '@japa/runner'
import { withTenant } from '#core/public/tenancy'
import InvoiceRemindersJob from '#billing/jobs/invoice_reminders_job'
import RecordPayment from '#billing/actions/record_payment'
import { mailCatcher } from '#tests/helpers/mail_catcher'
import { activities, daysFromToday, draftInvoice, markSent, owner, pdfText, sleep } from '#tests/helpers/invoice_delivery'

/** A sent invoice issued `issuedDaysAgo` days ago (and sent that day), due `dueInDays` from today. */
async function sentInvoice(name: string, issuedDaysAgo: number, dueInDays: number) {
  const setup = await draftInvoice(name, { hours: 2, issueDate: daysFromToday(-issuedDaysAgo), dueDate: daysFromToday(dueInDays) })
  await markSent(setup.invoiceId, daysFromToday(-issuedDaysAgo))
  return setup
}

const reminders = (email: string) => mailCatcher.sentTo(email).filter((mail) => /^(Reminder|Overdue):/.test(mail.subject ?? ''))

async function status(invoiceId: string) {
  const [row] = await owner().from('invoices').where('id', invoiceId)
  return row.status
}

test.group('Invoice reminders and overdue', () => {
  test('the daily run sends each reminder due once, catches a missed day up once, and marks overdue invoices', async ({ assert }) => {
    const before = await sentInvoice('Soon', 10, 3) // 3 days before the due date: the −3 reminder
    const dueToday = await sentInvoice('Today', 20, 0) // on the due date: the 0 reminder
    const late = await sentInvoice('Late', 30, -7) // 7 days after: the +7 reminder
    const missed = await sentInvoice('Missed', 40, -10) // +7 was missed 3 days ago: caught up once, +14 not yet
    const quiet = await sentInvoice('Quiet', 5, 10) // nothing due yet
    const paid = await sentInvoice('Paid', 30, -7)
    await withTenant(paid.agencyId, () => new RecordPayment().handle(paid.invoiceId, { amountCents: paid.total, paidOn: daysFromToday(-8), method: 'bank_transfer' }))
    assert.equal(await status(late.invoiceId), 'sent', 'nothing has refreshed it since it went out')

    const run = () => new InvoiceRemindersJob().handle()
    await run()
    await run()

    const soonMail = await mailCatcher.waitFor(before.clientEmail, new RegExp(`Reminder: invoice ${before.number} .* is due on`))
    await mailCatcher.waitFor(dueToday.clientEmail, new RegExp(`Reminder: invoice ${dueToday.number} .* is due today`))
    const lateMail = await mailCatcher.waitFor(late.clientEmail, new RegExp(`Overdue: invoice ${late.number}`))
    await mailCatcher.waitFor(missed.clientEmail, new RegExp(`Overdue: invoice ${missed.number}`))
    assert.include(lateMail.text!, '7 days overdue')
    assert.include(lateMail.text!, '$300.00')
    assert.include(soonMail.text!, 'due in 3 days')
    assert.lengthOf(lateMail.attachments, 1)
    assert.include(await pdfText(lateMail.attachments[0].content), late.number)

    // Two runs, one mail each; nothing for the invoice not yet due nor the paid one.
    await sleep(2000)
    for (const setup of [before, dueToday, late, missed]) assert.lengthOf(reminders(setup.clientEmail), 1, setup.companyName)
    assert.lengthOf(mailCatcher.sentTo(quiet.clientEmail), 0)
    assert.lengthOf(mailCatcher.sentTo(paid.clientEmail), 0)

    // Overdue the day after the due date (the agency's calendar), not on it.
    assert.equal(await status(late.invoiceId), 'overdue')
    assert.equal(await status(missed.invoiceId), 'overdue')
    assert.equal(await status(dueToday.invoiceId), 'sent')
    assert.equal(await status(before.invoiceId), 'sent')
    assert.equal(await status(paid.invoiceId), 'paid')

    const keys = async (invoiceId: string) => (await activities(invoiceId)).map((row) => row.dedupe_key).filter(Boolean)
    assert.deepEqual(await keys(before.invoiceId), ['reminder:-3'])
    assert.deepEqual(await keys(dueToday.invoiceId), ['reminder:0'])
    assert.deepEqual(await keys(late.invoiceId), ['reminder:+7'])
    assert.deepEqual(await keys(missed.invoiceId), ['reminder:+7'])

    // A third run the same day still sends nothing.
    await run()
    await sleep(1000)
    for (const setup of [before, dueToday, late, missed]) assert.lengthOf(reminders(setup.clientEmail), 1)
  }).timeout(90_000)

  test('the agency\u2019s own schedule is used', async ({ assert }) => {
    const setup = await sentInvoice('Custom', 20, -1)
    await owner().table('billing_settings').insert({ agency_id: setup.agencyId, reminder_offsets: [1, 30] })
    await new InvoiceRemindersJob().handle()
    await mailCatcher.waitFor(setup.clientEmail, new RegExp(`Overdue: invoice ${setup.number}`))
    assert.deepEqual((await activities(setup.invoiceId)).map((row) => row.dedupe_key).filter(Boolean), ['reminder:+1'])
  }).timeout(60_000)
})
