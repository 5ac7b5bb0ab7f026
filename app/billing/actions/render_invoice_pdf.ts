import { createHash } from 'node:crypto'
import drive from '@adonisjs/drive/services/main'
import { tenancy } from '#core/public/tenancy'
import Invoice from '#billing/models/invoice'
import { renderInvoicePdf } from '#billing/pdf/invoice_pdf'
import { invoicePdfData } from '#billing/queries/invoice_pdf_data'

/** Bump when the layout changes: every invoice then re-renders on its next request. */
const LAYOUT_VERSION = 1

export interface StoredInvoicePdf {
  key: string
  number: string
  /** False when the stored file was already up to date. */
  rendered: boolean
}

function safeName(number: string) {
  return number.replace(/[^\w-]+/g, '_').slice(0, 40) || 'invoice'
}

/**
 * Makes sure the invoice's PDF on the private disk matches the invoice as it
 * is now, rendering it when it does not. The file is keyed by a fingerprint
 * of everything printed on it (invoice, lines, payments, client, agency,
 * logo), so a rerun — the queued job, a download — finds it fresh and does
 * nothing, and any change (also one nobody announced) gives a new file.
 * Runs in the caller's tenant transaction; the replaced file is deleted once
 * the new path is committed.
 */
export default class RenderInvoicePdf {
  async handle(invoiceId: string): Promise<StoredInvoicePdf> {
    const { invoice, data, logoKey } = await invoicePdfData(invoiceId)
    const disk = drive.use()
    const fingerprint = createHash('sha256')
      .update(JSON.stringify({ v: LAYOUT_VERSION, data, logoKey }))
      .digest('hex')
      .slice(0, 24)
    const key = `billing/${invoice.agencyId}/invoices/${invoice.id}/${safeName(invoice.number)}-${fingerprint}.pdf`
    if (invoice.pdfPath === key && (await disk.exists(key))) return { key, number: invoice.number, rendered: false }

    let logo: Buffer | null = null
    if (logoKey && (await disk.exists(logoKey))) logo = Buffer.from(await disk.getBytes(logoKey))
    const pdf = await renderInvoicePdf(data, logo)
    await disk.put(key, pdf, { contentType: 'application/pdf', visibility: 'private' })

    const replaced = invoice.pdfPath
    // A query update: the invoice's own updated_at does not move for its rendering.
    await Invoice.query().where('id', invoice.id).update({ pdfPath: key, pdfRenderedAt: new Date() })
    const trx = tenancy.client()
    if (replaced && replaced !== key) trx.after('commit', () => disk.delete(replaced).catch(() => {}))
    trx.after('rollback', () => disk.delete(key).catch(() => {}))
    return { key, number: invoice.number, rendered: true }
  }
}

/** The invoice's current PDF: its stored key and file name, rendered now if missing or stale. */
export async function currentInvoicePdf(invoiceId: string) {
  const stored = await new RenderInvoicePdf().handle(invoiceId)
  return { ...stored, fileName: `${safeName(stored.number)}.pdf` }
}
