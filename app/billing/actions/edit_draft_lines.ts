import { recordAudit } from '#core/public/audit'
import { ConflictException, fieldError } from '#core/public/errors'
import Invoice from '#billing/models/invoice'
import InvoiceActivity from '#billing/models/invoice_activity'
import InvoiceLine from '#billing/models/invoice_line'
import { invoiceChanged } from '#billing/actions/invoice_changed'
import { allows } from '#billing/rules/invoice_status'
import { quantityAmount, sum, taxAmount } from '#billing/rules/money'

/** The kinds of line a person writes by hand on a draft. */
export type DraftLineKind = 'manual' | 'discount'

export interface DraftLineInput {
  kind: DraftLineKind
  description: string
  /** Thousandths: 1.5 → 1500. */
  quantityMilli: number
  /**
   * Minor units per unit. A discount always takes money off: its unit price is
   * stored negative whatever sign it was given.
   */
  unitAmountCents: number
}

const EDITABLE: ReadonlySet<string> = new Set(['manual', 'discount'])

/**
 * Manual lines and discounts on a draft invoice: add, change, remove. Each
 * line's amount is quantity × unit price rounded half-up once; the invoice's
 * subtotal re-adds from all its lines and the tax is recomputed at its rate.
 * Only drafts change (409 otherwise), and only the lines written by hand —
 * generated lines (time, milestones, expenses) are tied to what they bill.
 */
export default class EditDraftLines {
  async add(invoiceId: string, input: DraftLineInput) {
    const invoice = await this.lockedDraft(invoiceId)
    const last = await InvoiceLine.query().where('invoiceId', invoiceId).max('position as position').first()
    const position = Number(last?.$extras.position ?? -1) + 1
    const line = await InvoiceLine.create({
      invoiceId,
      position,
      projectId: null,
      quantitySeconds: null,
      milestoneId: null,
      expenseId: null,
      ...this.figures(input),
    })
    return this.finish(invoice, 'line_added', null, line)
  }

  async update(lineId: string, input: Partial<DraftLineInput>) {
    const { invoice, line } = await this.editableLine(lineId)
    const before = snapshot(line)
    line.merge(
      this.figures({
        kind: input.kind ?? (line.kind as DraftLineKind),
        description: input.description ?? line.description,
        quantityMilli: input.quantityMilli ?? line.quantityMilli ?? 1000,
        unitAmountCents: input.unitAmountCents ?? Number(line.unitAmountCents),
      })
    )
    await line.save()
    return this.finish(invoice, 'line_updated', before, line)
  }

  async remove(lineId: string) {
    const { invoice, line } = await this.editableLine(lineId)
    const before = snapshot(line)
    await line.delete()
    return this.finish(invoice, 'line_removed', before, null)
  }

  private figures(input: DraftLineInput) {
    const unitAmountCents = input.kind === 'discount' ? -Math.abs(input.unitAmountCents) : input.unitAmountCents
    if (input.kind === 'manual' && unitAmountCents < 0) fieldError('unitPrice', 'A manual line cannot be negative: add a discount instead', 'min')
    return {
      kind: input.kind,
      description: input.description,
      quantityMilli: input.quantityMilli,
      unitAmountCents,
      // 0 × a negative price would be −0: store a plain 0.
      amountCents: quantityAmount(input.quantityMilli, unitAmountCents) || 0,
    }
  }

  private async lockedDraft(invoiceId: string) {
    const invoice = await Invoice.query().where('id', invoiceId).forUpdate().firstOrFail()
    if (!allows('edit', invoice.status)) {
      throw new ConflictException(`${invoice.number} is ${invoice.status.replace('_', ' ')}: only draft invoices can be edited`)
    }
    return invoice
  }

  private async editableLine(lineId: string) {
    const found = await InvoiceLine.findOrFail(lineId)
    const invoice = await this.lockedDraft(found.invoiceId)
    const line = await InvoiceLine.findOrFail(lineId)
    if (!EDITABLE.has(line.kind)) {
      throw new ConflictException('This line comes from tracked time, a milestone or an expense: only manual lines and discounts are edited by hand')
    }
    return { invoice, line }
  }

  /** Totals re-added from the lines, tax at the invoice's rate; audit, timeline, and listeners after. */
  private async finish(invoice: Invoice, action: 'line_added' | 'line_updated' | 'line_removed', before: LineSnapshot | null, line: InvoiceLine | null) {
    const lines = await InvoiceLine.query().where('invoiceId', invoice.id)
    const subtotalCents = sum(lines.map((row) => Number(row.amountCents)))
    if (subtotalCents < 0) fieldError('unitPrice', 'Discounts cannot take the invoice below zero', 'min')
    const taxCents = taxAmount(subtotalCents, invoice.taxRateBasisPoints)
    const totalsBefore = { subtotal: Number(invoice.subtotalCents), tax: Number(invoice.taxCents), total: Number(invoice.totalCents) }
    invoice.merge({ subtotalCents, taxCents, totalCents: subtotalCents + taxCents })
    await invoice.save()

    const after = line ? snapshot(line) : null
    const subject = (after ?? before)!
    const verb = { line_added: 'added', line_updated: 'changed', line_removed: 'removed' }[action]
    await InvoiceActivity.create({
      invoiceId: invoice.id,
      kind: action,
      detail: `${subject.kind === 'discount' ? 'Discount' : 'Line'} “${subject.description}” ${verb}`.slice(0, 1000),
    })
    await recordAudit({
      entityType: 'invoice',
      entityId: invoice.id,
      action,
      before: { ...(before ? { line: before } : {}), ...totalsBefore },
      after: { ...(after ? { line: after } : {}), subtotal: subtotalCents, tax: taxCents, total: subtotalCents + taxCents },
    })
    await invoiceChanged(invoice.id)
    return { invoice, line }
  }
}

type LineSnapshot = ReturnType<typeof snapshot>

function snapshot(line: InvoiceLine) {
  return {
    id: line.id,
    kind: line.kind,
    description: line.description,
    quantityMilli: line.quantityMilli,
    unitAmount: Number(line.unitAmountCents),
    amount: Number(line.amountCents),
  }
}
