import Client from '#crm/models/client'
import Contact from '#crm/models/contact'
import { withTenant } from '#core/public/tenancy'

/** A client with a primary contact, written directly (tests of other features start from one). */
export async function createClient(agencyId: string, companyName = 'Acme Ltd', contact = { name: 'Ada Lovelace', email: 'ada@acme.test' }) {
  return withTenant(agencyId, async () => {
    const client = await Client.create({ companyName })
    await Contact.create({ clientId: client.id, ...contact, isPrimary: true, isBillingContact: true })
    return { clientId: client.id }
  })
}
