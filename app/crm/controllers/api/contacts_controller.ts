import type { HttpContext } from '@adonisjs/core/http'
import CrmPolicy from '#crm/policies/crm_policy'
import Client from '#crm/models/client'
import Contact from '#crm/models/contact'
import CreateContact from '#crm/actions/create_contact'
import UpdateContact from '#crm/actions/update_contact'
import DeleteContact from '#crm/actions/delete_contact'
import { toContactDto } from '#crm/dtos/contact'
import { clientContacts } from '#crm/queries/client_details'
import { createContactValidator, updateContactValidator } from '#crm/validators/contact'

export default class ContactsController {
  async index({ params }: HttpContext) {
    const client = await Client.findOrFail(params.id)
    return { contacts: await clientContacts(client.id) }
  }

  async store({ params, request, response, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const client = await Client.findOrFail(params.id)
    const contact = await new CreateContact().handle(client, await request.validateUsing(createContactValidator))
    return response.created({ contact: toContactDto(contact) })
  }

  async update({ params, request, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const contact = await Contact.findOrFail(params.id)
    await new UpdateContact().handle(contact, await request.validateUsing(updateContactValidator))
    return { contact: toContactDto(contact) }
  }

  async destroy({ params, response, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    await new DeleteContact().handle(await Contact.findOrFail(params.id))
    return response.noContent()
  }
}
