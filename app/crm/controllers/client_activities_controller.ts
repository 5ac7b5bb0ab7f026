import type { HttpContext } from '@adonisjs/core/http'
import CrmPolicy from '#crm/policies/crm_policy'
import Client from '#crm/models/client'
import ClientActivity from '#crm/models/client_activity'
import LogClientActivity from '#crm/actions/log_client_activity'
import DeleteClientActivity from '#crm/actions/delete_client_activity'
import { logActivityValidator } from '#crm/validators/activity'

/** Notes, calls, meetings and emails logged by hand on the client page. */
export default class ClientActivitiesController {
  async store({ params, request, response, bouncer, session }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const client = await Client.findOrFail(params.id)
    const activity = await new LogClientActivity().handle(client, await request.validateUsing(logActivityValidator))
    session.flash('success', `${activity.kind.charAt(0).toUpperCase()}${activity.kind.slice(1)} logged`)
    return response.redirect(`/clients/${client.id}`)
  }

  async destroy({ params, response, auth, bouncer, session }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const activity = await ClientActivity.query().where('id', params.activityId).where('clientId', params.id).firstOrFail()
    await new DeleteClientActivity().handle(activity, auth.user!)
    session.flash('success', 'Entry deleted')
    return response.redirect(`/clients/${params.id}`)
  }
}
