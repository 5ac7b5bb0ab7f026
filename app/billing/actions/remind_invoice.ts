import logger from '@adonisjs/core/services/logger'
import { DateTime } from 'luxon'
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import RefreshInvoiceStatus from '#billing/actions/refresh_invoice_status'
import DeliverInvoiceEmail from '#billing/actions/deliver_invoice_email'
import { billingSettings } from '#billing/queries/invoice_pdf_data'
import { ensureCheckoutSession } from '#billing/stripe/checkout'

const REMINDABLE = ['sent', 'overdue', 'partially_paid']

/** `reminder:-3`, `reminder:0`, `reminder:+7`: one invoice activity per reminder. */
export function reminderKey(offsetDays: number) {
  return `reminder:${offsetDays > 0 ? '+' : ''}${offsetDays}`
}

/**
 * Which reminder is due today: the latest offset whose day (due date +
 * offset, in the agency's calendar) has come and is later than the day the
 * invoice was first sent — so a missed day is caught up once, with the
 * latest reminder only, and an invoice sent late gets no "due in 3 days"
 * note on the day it arrives. Null when none.
 */
export function dueReminder(input: { offsets: number[]; dueDate: string; sentOn: string; today: string }): number | null {
  const due = DateTime.fromISO(input.dueDate)
  const candidates = [...new Set(input.offsets)]
    .filter((offset) => {
      const day = due.plus({ days: offset }).toISODate()!
      return day <= input.today && day > input.sentOn
    })
    .sort((a, b) => a - b)
  return candidates.length ? candidates[candidates.length - 1] : null
}

/**
 * The daily run for one invoice, in its agency's tenant transaction: the
 * status is refreshed (sent → overdue the day after the due date, in the
 * agency's time zone), then the reminder due today is emailed — each
 * reminder at most once (its dedupe key). Returns the offset reminded, or null.
 */
export default class RemindInvoice {
  async handle(invoiceId: string): Promise<number | null> {
    const { invoice } = await new RefreshInvoiceStatus().handle(invoiceId)
    if (!REMINDABLE.includes(invoice.status) || !invoice.sentAt) return null
    const agency = await agencySettings(tenancy.agencyId())
    const settings = await billingSettings(tenancy.agencyId())
    const offset = dueReminder({
      offsets: settings.reminderOffsets,
      dueDate: invoice.dueDate,
      sentOn: invoice.sentAt.setZone(agency.timezone).toISODate()!,
      today: DateTime.now().setZone(agency.timezone).toISODate()!,
    })
    if (offset === null) return null
    // A Checkout session lives a day: the reminder carries a fresh link for what is due now.
    try {
      await ensureCheckoutSession(invoiceId)
    } catch (error) {
      logger.warn({ err: error, invoiceId }, 'Stripe Checkout session could not be renewed; the reminder goes without a new pay link')
    }
    const sent = await new DeliverInvoiceEmail().handle({ invoiceId, dedupeKey: reminderKey(offset), kind: 'reminder', offsetDays: offset })
    return sent ? offset : null
  }
}
