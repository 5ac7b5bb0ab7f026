import { Job } from '@rlanz/bull-queue'
import { withTenant } from '#core/public/tenancy'
import RenderInvoicePdf from '#billing/actions/render_invoice_pdf'

export interface RenderInvoicePdfPayload {
  agencyId: string
  invoiceId: string
}

/** Renders an invoice's PDF after it changed (`invoiceChanged`); a rerun finds the file fresh and does nothing. */
export default class RenderInvoicePdfJob extends Job {
  static jobName = 'billing.render_invoice_pdf'

  async handle(payload: RenderInvoicePdfPayload) {
    await withTenant(payload.agencyId, () => new RenderInvoicePdf().handle(payload.invoiceId))
  }

  async rescue(payload: RenderInvoicePdfPayload, error: Error) {
    this.logger.error({ err: error, invoiceId: payload.invoiceId }, 'invoice PDF could not be rendered after every retry (it renders on download)')
  }
}
