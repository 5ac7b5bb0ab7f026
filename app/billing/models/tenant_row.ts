import { randomUUID } from 'node:crypto'
import { tenancy } from '#core/public/tenancy'

/** New billing rows get a UUID and the agency of the current tenant transaction. */
export function assignTenantRow(row: { id?: string; agencyId?: string }) {
  row.id ??= randomUUID()
  row.agencyId ??= tenancy.agencyId()
}
