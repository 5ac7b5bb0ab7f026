import { agencySettings } from '#core/public/agency'
import { portalContactProfile } from '#crm/public/portal_contacts'
import type { PortalSession } from '#portal/auth/portal_session'
import type { PortalShared } from '#portal/dtos/portal_shared'

export type { PortalShared }

/**
 * The agency's logo file, from the settings DTO's URL (`/agency/logo?v=<file>`,
 * core keeps logos at `agencies/<agency id>/<file>`); null without one.
 */
export function logoFile(logoUrl: string | null): string | null {
  if (!logoUrl) return null
  const file = new URL(logoUrl, 'http://local').searchParams.get('v')
  return file && /^[\w.-]+$/.test(file) ? file : null
}

export function logoKey(agencyId: string, file: string) {
  return `agencies/${agencyId}/${file}`
}

/** The portal's shared prop; null outside a portal session (staff pages, the sign-in page). */
export async function portalShared(session: PortalSession | null | undefined): Promise<PortalShared | null> {
  if (!session) return null
  const agency = await agencySettings(session.agencyId)
  const profile = await portalContactProfile(session.contactId)
  const file = logoFile(agency.logoUrl)
  return {
    agency: {
      id: agency.id,
      name: agency.name,
      // The staff logo URL needs a staff login: contacts get the same file through the portal.
      logoUrl: file ? `/portal/logo?v=${encodeURIComponent(file)}` : null,
      brandColor: agency.brandColor,
    },
    contact: { id: session.contactId, name: profile?.name ?? '', companyName: profile?.companyName ?? '' },
  }
}
