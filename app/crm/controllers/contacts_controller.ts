import type { HttpContext } from '@adonisjs/core/http'
import CrmPolicy from '#crm/policies/crm_policy'
import Client from '#crm/models/client'
import Contact from '#crm/models/contact'
import CreateContact from '#crm/actions/create_contact'
import UpdateContact from '#crm/actions/update_contact'
import DeleteContact from '#crm/actions/delete_contact'
import { createContactValidator, updateContactValidator } from '#crm/validators/contact'

/** Contacts on the client page; every change returns to it. */
export default class ContactsController {
  async store({ params, request, response, bouncer, session }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const client = await Client.findOrFail(params.id)
    const contact = await new CreateContact().handle(client, await request.validateUsing(createContactValidator))
    session.flash('success', `${contact.name} added`)
    return response.redirect(`/clients/${client.id}`)
  }

  async update({ params, request, response, bouncer, session }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const contact = await findContact(params.id, params.contactId)
    await new UpdateContact().handle(contact, await request.validateUsing(updateContactValidator))
    session.flash('success', `${contact.name} saved`)
    return response.redirect(`/clients/${contact.clientId}`)
  }

  async destroy({ params, response, bouncer, session }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const contact = await findContact(params.id, params.contactId)
    await new DeleteContact().handle(contact)
    session.flash('success', `${contact.name} removed`)
    return response.redirect(`/clients/${contact.clientId}`)
  }
}

function findContact(clientId: string, contactId: string) {
  return Contact.query().where('id', contactId).where('clientId', clientId).firstOrFail()
}
