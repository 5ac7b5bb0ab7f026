import type { HttpContext } from '@adonisjs/core/http'
import CrmPolicy from '#crm/policies/crm_policy'
import Client from '#crm/models/client'
import CreateClient from '#crm/actions/create_client'
import UpdateClient from '#crm/actions/update_client'
import ArchiveClient from '#crm/actions/archive_client'
import RestoreClient from '#crm/actions/restore_client'
import SetClientTags from '#crm/actions/set_client_tags'
import { listClients } from '#crm/queries/client_list'
import { clientDetails } from '#crm/queries/client_details'
import {
  clientListValidator,
  clientTagsValidator,
  createClientValidator,
  normalizeListQuery,
  updateClientValidator,
} from '#crm/validators/client'

export default class ClientsController {
  async index({ request }: HttpContext) {
    const { page, perPage, ...filters } = await clientListValidator.validate(normalizeListQuery(request.qs()))
    const { lastPage: _lastPage, ...list } = await listClients(filters, page, perPage)
    return list
  }

  async store({ request, response, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const client = await new CreateClient().handle(await request.validateUsing(createClientValidator))
    return response.created({ client: await clientDetails(client.id) })
  }

  async show({ params }: HttpContext) {
    return { client: await clientDetails(params.id) }
  }

  async update({ params, request, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const client = await Client.findOrFail(params.id)
    await new UpdateClient().handle(client, await request.validateUsing(updateClientValidator))
    return { client: await clientDetails(client.id) }
  }

  async archive({ params, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const client = await new ArchiveClient().handle(await Client.findOrFail(params.id))
    return { client: await clientDetails(client.id) }
  }

  async restore({ params, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const client = await new RestoreClient().handle(await Client.findOrFail(params.id))
    return { client: await clientDetails(client.id) }
  }

  /** PUT /api/clients/:id/tags: exactly these tags. */
  async setTags({ params, request, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const client = await Client.findOrFail(params.id)
    const { tagIds } = await request.validateUsing(clientTagsValidator)
    await new SetClientTags().handle(client, tagIds)
    return { client: await clientDetails(client.id) }
  }
}
