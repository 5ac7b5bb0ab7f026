import { DateTime } from 'luxon'
import { agencySettings } from '#core/public/agency'
import { recordInvoiceViewed } from '#billing/public/portal_invoices'
import { portalContactProfile } from '#crm/public/portal_contacts'
import type { PortalSession } from '#portal/auth/portal_session'

/** The invoice's timeline shows that the client opened it (once per contact and agency day). */
export async function noteInvoiceViewed(session: PortalSession, invoiceId: string) {
  const profile = await portalContactProfile(session.contactId)
  const { timezone } = await agencySettings(session.agencyId)
  await recordInvoiceViewed(session.clientId, invoiceId, {
    contactId: session.contactId,
    name: profile?.name ?? 'the client',
    day: DateTime.now().setZone(timezone).toISODate()!,
  })
}
