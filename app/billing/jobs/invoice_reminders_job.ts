import { Job } from '@rlanz/bull-queue'
import { dispatchAfterCommit } from '#core/public/queue'
import { tenancy, withTenant } from '#core/public/tenancy'
import RemindInvoice from '#billing/actions/remind_invoice'

/**
 * The reminder run: every sent, unpaid invoice of every agency (the only
 * cross-tenant read, ids only, through `billing_reminder_targets()`), each
 * refreshed and reminded in its own agency's transaction, so one failing
 * invoice neither stops nor rolls back the others. Safe to run any number of
 * times a day: each reminder goes out once.
 */
export default class InvoiceRemindersJob extends Job {
  static jobName = 'billing.invoice_reminders'

  async handle() {
    const targets = await tenancy.run(async (scope) => {
      const result = await scope.trx.rawQuery('select agency_id, invoice_id from billing_reminder_targets()')
      return result.rows as { agency_id: string; invoice_id: string }[]
    })
    let failed = 0
    for (const target of targets) {
      try {
        await withTenant(target.agency_id, () => new RemindInvoice().handle(target.invoice_id))
      } catch (error) {
        failed++
        this.logger?.error({ err: error, invoiceId: target.invoice_id }, 'invoice reminder failed')
      }
    }
    // Failing the run makes BullMQ retry it; reminders already sent are not sent again.
    if (failed) throw new Error(`${failed} of ${targets.length} invoice reminders failed`)
  }

  async rescue(_payload: unknown, error: Error) {
    this.logger.error({ err: error }, 'invoice reminders failed after every retry')
  }
}

/**
 * Puts the reminder run in place (idempotent: same name and pattern, same
 * schedule, however many workers start). It runs every hour so each agency's
 * day — they start at different UTC hours — is handled within its first hour;
 * the dedupe keys keep it to one email per reminder a day.
 */
export async function scheduleInvoiceReminders() {
  await dispatchAfterCommit(InvoiceRemindersJob, {}, { repeat: { pattern: '7 * * * *' }})
}
