import drive from '@adonisjs/drive/services/main'
import mail from '@adonisjs/mail/services/main'
import { DateTime } from 'luxon'
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import { billingRecipient } from '#crm/public/clients'
import Invoice from '#billing/models/invoice'
import InvoiceMail from '#billing/mails/invoice_mail'
import { currentInvoicePdf } from '#billing/actions/render_invoice_pdf'
import { billingSettings } from '#billing/queries/invoice_pdf_data'
import { formatMoney } from '#billing/rules/money_format'

export interface InvoiceEmail {
  invoiceId: string
  /** Once per key and invoice: `email:<send activity id>`, `reminder:+7`. */
  dedupeKey: string
  kind: 'invoice' | 'reminder'
  offsetDays?: number
}

/** Statuses a reminder still makes sense for; the invoice itself goes out unless it is void (or never sent). */
const REMINDABLE = ['sent', 'overdue', 'partially_paid'] as const

function deliverable(kind: InvoiceEmail['kind'], status: string) {
  return kind === 'invoice' ? status !== 'void' && status !== 'draft' : (REMINDABLE as readonly string[]).includes(status)
}

/**
 * Emails an invoice (or a reminder) to the client's billing contact, with the
 * current PDF attached and the pay link — at most once per dedupe key: the key
 * is claimed as an invoice activity (unique per invoice and key) in the same
 * transaction that queues the mail, so a rerun of the job, or a concurrent
 * one, finds it taken and sends nothing; a failure rolls both back and the
 * retry sends it. Runs in a tenant transaction (the job's). Returns whether
 * the mail was queued.
 */
export default class DeliverInvoiceEmail {
  async handle(email: InvoiceEmail): Promise<boolean> {
    const invoice = await Invoice.query().where('id', email.invoiceId).forUpdate().first()
    if (!invoice || !deliverable(email.kind, invoice.status)) return false
    const recipient = await billingRecipient(invoice.clientId)
    if (!recipient?.email) return false

    const claimed = await tenancy.client().rawQuery(
      `insert into invoice_activities (agency_id, invoice_id, kind, detail, dedupe_key)
       values (?, ?, ?, ?, ?)
       on conflict (invoice_id, dedupe_key) where dedupe_key is not null do nothing
       returning id`,
      [invoice.agencyId, invoice.id, email.kind === 'invoice' ? 'emailed' : 'reminded', `Emailed to ${recipient.email}`.slice(0, 1000), email.dedupeKey]
    )
    if (claimed.rows.length === 0) return false

    const agency = await agencySettings(invoice.agencyId)
    const settings = await billingSettings(invoice.agencyId)
    const pdf = await currentInvoicePdf(invoice.id)
    const bytes = await drive.use().getBytes(pdf.key)
    const fresh = await Invoice.findOrFail(invoice.id)
    const total = Number(fresh.totalCents)
    const due = Math.max(0, total - Number(fresh.amountPaidCents))
    const day = (iso: string) => DateTime.fromISO(iso).toFormat('d LLL yyyy')
    await mail.sendLater(
      new InvoiceMail({
        kind: email.kind,
        offsetDays: email.offsetDays ?? 0,
        to: recipient.email,
        contactName: recipient.contactName,
        companyName: recipient.companyName,
        agencyName: agency.name,
        brandColor: agency.brandColor,
        number: fresh.number,
        total: formatMoney(total, fresh.currency),
        amountDue: formatMoney(due, fresh.currency),
        issueDate: day(fresh.issueDate),
        dueDate: day(fresh.dueDate),
        payUrl: fresh.stripeCheckoutUrl,
        paymentInstructions: settings.paymentInstructions,
        pdf: { fileName: pdf.fileName, base64: Buffer.from(bytes).toString('base64') },
      })
    )
    return true
  }
}
