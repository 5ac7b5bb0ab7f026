import { tenancy } from '#core/public/tenancy'

export type SequenceKind = 'invoice' | 'credit_note'

/**
 * The agency's next number of a kind, gap-free: the sequence row is locked
 * (`for update`) in the caller's transaction, so concurrent invoices queue on
 * it, and a rolled-back invoice gives its number back.
 */
export async function nextSequenceNumber(kind: SequenceKind): Promise<number> {
  const trx = tenancy.client()
  const agencyId = tenancy.agencyId()
  await trx.rawQuery('insert into billing_sequences (agency_id, kind) values (?, ?) on conflict do nothing', [agencyId, kind])
  const result = await trx.rawQuery(
    `update billing_sequences set last_number = last_number + 1
      where agency_id = ? and kind = ? returning last_number`,
    [agencyId, kind]
  )
  return Number(result.rows[0].last_number)
}

/** INV-0042: the agency's prefix and at least four digits. */
export function formatNumber(prefix: string, sequenceNumber: number): string {
  return `${prefix}${String(sequenceNumber).padStart(4, '0')}`
}
