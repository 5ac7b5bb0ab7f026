import type { HttpContext } from '@adonisjs/core/http'
import CrmPolicy from '#crm/policies/crm_policy'
import Client from '#crm/models/client'
import ClientActivity from '#crm/models/client_activity'
import LogClientActivity from '#crm/actions/log_client_activity'
import DeleteClientActivity from '#crm/actions/delete_client_activity'
import { clientTimeline, staffNames, toActivityDto } from '#crm/queries/client_timeline'
import { logActivityValidator, timelinePageValidator } from '#crm/validators/activity'

export default class ClientTimelineController {
  async index({ params, request, auth }: HttpContext) {
    const client = await Client.findOrFail(params.id)
    const { page } = await timelinePageValidator.validate(request.qs())
    return clientTimeline(client.id, page ?? 1, auth.user!)
  }

  /** POST /api/clients/:id/notes: a note, call, meeting or email logged by hand. */
  async store({ params, request, response, auth, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const client = await Client.findOrFail(params.id)
    const activity = await new LogClientActivity().handle(client, await request.validateUsing(logActivityValidator))
    return response.created({ activity: toActivityDto(activity, await staffNames(), auth.user!) })
  }

  async destroy({ params, response, auth, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    await new DeleteClientActivity().handle(await ClientActivity.findOrFail(params.id), auth.user!)
    return response.noContent()
  }
}
