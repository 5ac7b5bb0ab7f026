/*
| Every portal access is logged (PRODUCT.md §2 Portal): sign-ins, views,
| downloads, approvals, feedback. The entry is written as the signed-in
| contact (RLS: a contact inserts only their own rows; owners and managers
| read them), with the request's IP, in the request's transaction.
*/
import { HttpContext } from '@adonisjs/core/http'
import { tenancy } from '#core/public/tenancy'

export type PortalAccessAction =
  | 'sign_in'
  | 'sign_out'
  | 'view'
  | 'download'
  | 'approve'
  | 'request_revision'
  | 'feedback'
  | 'pay'
  | (string & {})

export interface PortalAccessSubject {
  /** What was accessed: `project`, `deliverable`, `invoice`, `file`, … */
  type: string
  id?: string | null
  /** A short human detail (a file name, a page); cut to 500 characters. */
  detail?: string | null
}

/**
 * Appends one entry to `portal_access_logs` for the contact of the current
 * tenant context (role `client`). Outside a portal request it throws: the log
 * only ever records what a contact did.
 */
export async function logPortalAccess(action: PortalAccessAction, subject?: PortalAccessSubject | null, ip?: string | null) {
  const scope = tenancy.current()
  if (!scope || scope.role !== 'client' || !scope.agencyId || !scope.clientId || !scope.contactId) {
    throw new Error('logPortalAccess() needs a signed-in portal contact in the tenant context')
  }
  const requestIp = ip ?? HttpContext.get()?.request.ip() ?? null
  await tenancy
    .client()
    .table('portal_access_logs')
    .insert({
      agency_id: scope.agencyId,
      client_id: scope.clientId,
      contact_id: scope.contactId,
      action: action.slice(0, 40),
      subject_type: subject?.type ? subject.type.slice(0, 40) : null,
      subject_id: subject?.id ?? null,
      detail: subject?.detail ? subject.detail.slice(0, 500) : null,
      ip: requestIp ? requestIp.slice(0, 64) : null,
    })
}
