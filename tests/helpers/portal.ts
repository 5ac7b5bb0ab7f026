import db from '@adonisjs/lucid/services/db'
import { withTenant } from '#core/public/tenancy'
import { generateSecretToken } from '#core/public/secrets'
import Contact from '#crm/models/contact'
import { PORTAL_COOKIE } from '#portal/auth/portal_session'

export { PORTAL_COOKIE }

/** A client contact allowed into the portal. */
export async function portalContact(agencyId: string, clientId: string, email = `contact-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@client.test`) {
  return withTenant(agencyId, async () => {
    const contact = await Contact.create({ clientId, name: 'Carla Client', email, isPrimary: false, isBillingContact: false, portalAccess: true })
    return { contactId: contact.id, email, clientId, agencyId }
  })
}

/**
 * A live portal session for the contact, made the way sign-in makes one; the
 * returned token goes in the portal cookie: `.withEncryptedCookie(PORTAL_COOKIE, token)`.
 */
export async function portalSessionToken(contact: { agencyId: string; contactId: string; clientId: string }) {
  const { token, hash } = generateSecretToken()
  await db.connection('owner').rawQuery('select portal_start_session(?, ?, ?, ?)', [contact.agencyId, contact.contactId, contact.clientId, hash])
  return token
}
