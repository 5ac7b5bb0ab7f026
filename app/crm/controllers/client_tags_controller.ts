import type { HttpContext } from '@adonisjs/core/http'
import CrmPolicy from '#crm/policies/crm_policy'
import Client from '#crm/models/client'
import TagClient from '#crm/actions/tag_client'
import UntagClient from '#crm/actions/untag_client'
import { addClientTagValidator } from '#crm/validators/tag'

/** Tags on the client page: add an existing one or a new one by name, or take one off. */
export default class ClientTagsController {
  async store({ params, request, response, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const client = await Client.findOrFail(params.id)
    await new TagClient().handle(client, await request.validateUsing(addClientTagValidator))
    return response.redirect(`/clients/${client.id}`)
  }

  async destroy({ params, response, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const client = await Client.findOrFail(params.id)
    await new UntagClient().handle(client, params.tagId)
    return response.redirect(`/clients/${client.id}`)
  }
}
