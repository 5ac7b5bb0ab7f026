import mail from '@adonisjs/mail/services/main'
import { agencySettings } from '#core/public/agency'
import { generateSecretToken } from '#core/public/secrets'
import { tenancy } from '#core/public/tenancy'
import { clientNames } from '#crm/public/clients'
import type { PortalContactDto } from '#crm/public/portal_access'
import PortalLinkMail from '#portal/mails/portal_link_mail'

/** A sign-in link the contact asks for is short-lived (PRODUCT.md: single use, short expiry). */
export const SIGN_IN_LINK_TTL_SECONDS = 15 * 60
/** The agency's invitation waits longer in an inbox; still single use, and a new link is always a request away. */
export const INVITATION_LINK_TTL_SECONDS = 3 * 24 * 60 * 60

/**
 * Issues a single-use magic link for the contact (256-bit token, only its
 * hash stored) and queues the branded email after the transaction commits.
 * Runs under the current tenant context of the contact's agency.
 */
export async function issuePortalLink(contact: PortalContactDto & { email: string }, kind: 'invitation' | 'sign_in') {
  const agencyId = tenancy.agencyId()
  const ttl = kind === 'invitation' ? INVITATION_LINK_TTL_SECONDS : SIGN_IN_LINK_TTL_SECONDS
  const { token, hash } = generateSecretToken()
  await tenancy.client().rawQuery('select portal_issue_magic_link(?, ?, ?, ?)', [agencyId, contact.id, hash, ttl])
  const agency = await agencySettings(agencyId)
  const companyName = (await clientNames([contact.clientId])).get(contact.clientId) ?? agency.name
  await mail.sendLater(
    new PortalLinkMail({
      kind,
      to: contact.email,
      contactName: contact.name,
      companyName,
      agencyName: agency.name,
      brandColor: agency.brandColor,
      token,
      validFor: kind === 'invitation' ? 'in 3 days' : 'in 15 minutes',
    })
  )
}
