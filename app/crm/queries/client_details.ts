import Client from '#crm/models/client'
import Contact from '#crm/models/contact'
import type { ClientWithContactsDto } from '#crm/dtos/client'
import { toContactDto } from '#crm/dtos/contact'
import { agencyCurrency, toClientDtos } from '#crm/queries/client_list'

/** A client with all its contacts (primary first); another agency's id is a 404. */
export async function clientDetails(clientId: string): Promise<ClientWithContactsDto> {
  const client = await Client.findOrFail(clientId)
  const [dto] = await toClientDtos([client], await agencyCurrency())
  return { ...dto, contacts: await clientContacts(client.id) }
}

export async function clientContacts(clientId: string) {
  const contacts = await Contact.query()
    .where('clientId', clientId)
    .orderBy('isPrimary', 'desc')
    .orderByRaw('lower(name)')
    .orderBy('id')
  return contacts.map(toContactDto)
}
