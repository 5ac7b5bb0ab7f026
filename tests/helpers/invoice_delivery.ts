import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { PDFParse } from 'pdf-parse'
import { tenancy } from '#core/public/tenancy'
import GenerateInvoice from '#billing/actions/generate_invoice'
import { uniqueEmail } from '#tests/helpers/factories'
import { approveTime, logTime, timeTeam } from '#tests/helpers/time'

export const owner = () => db.connection('owner')
export const today = () => DateTime.utc().toISODate()!
export const daysFromToday = (days: number) => DateTime.utc().plus({ days }).toISODate()!

/**
 * A draft invoice made by the real actions: the Time team's member logs
 * `hours` (150.00/h on the project), the time is approved, and the owner
 * generates the invoice. The client's billing contact gets an address of its
 * own, so the mail catcher tells this test's mail apart.
 */
export async function draftInvoice(name: string, options: { hours?: number; issueDate?: string; dueDate?: string; taxPercent?: number } = {}) {
  const team = await timeTeam(name)
  const clientEmail = uniqueEmail('billing')
  await owner().from('contacts').where('client_id', team.clientId).update({ email: clientEmail, name: 'Bea Billing' })
  const companyName = `${name} Industries`
  await owner().from('clients').where('id', team.clientId).update({ company_name: companyName })
  if (options.taxPercent !== undefined) {
    await owner().from('agencies').where('id', team.agencyId).update({ tax_rate_basis_points: options.taxPercent * 100 })
  }
  const workDay = daysFromToday(-40)
  const entryId = await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: workDay, seconds: (options.hours ?? 4) * 3600 })
  await approveTime([entryId])
  const { invoice } = await tenancy.run(
    () => new GenerateInvoice().handle({ projectId: team.projectId, from: workDay, to: workDay, issueDate: options.issueDate, dueDate: options.dueDate }),
    { agencyId: team.agencyId, userId: team.owner.userId, role: 'owner' }
  )
  return {
    ...team,
    clientEmail,
    companyName,
    invoiceId: invoice.id,
    number: invoice.number,
    total: Number(invoice.totalCents),
  }
}

/** Marks an invoice sent on `sentOn` (as the schema owner), without mail: for tests that start from a sent invoice. */
export async function markSent(invoiceId: string, sentOn: string) {
  await owner().from('invoices').where('id', invoiceId).update({ sent_at: `${sentOn}T09:00:00Z`, status: 'sent' })
}

/** The text of a PDF, read back with pdf.js. */
export async function pdfText(bytes: Buffer | Uint8Array) {
  const parser = new PDFParse({ data: new Uint8Array(bytes) })
  try {
    return (await parser.getText()).text
  } finally {
    await parser.destroy()
  }
}

export async function activities(invoiceId: string) {
  return owner().from('invoice_activities').where('invoice_id', invoiceId).orderBy('created_at')
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
