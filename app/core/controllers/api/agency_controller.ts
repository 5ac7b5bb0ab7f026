import type { HttpContext } from '@adonisjs/core/http'
import Agency from '#core/models/agency'
import AgencyPolicy from '#core/policies/agency_policy'
import UpdateAgencySettings from '#core/actions/update_agency_settings'
import { toAgencyDto } from '#core/dtos/agency'
import { agencySettingsValidator } from '#core/validators/agency'

export default class AgencyController {
  async show({ auth }: HttpContext) {
    return { agency: toAgencyDto(await Agency.findOrFail(auth.user!.agencyId)) }
  }

  async update({ request, auth, bouncer }: HttpContext) {
    await bouncer.with(AgencyPolicy).authorize('updateSettings')
    const input = await request.validateUsing(agencySettingsValidator)
    const agency = await new UpdateAgencySettings().handle(await Agency.findOrFail(auth.user!.agencyId), input)
    return { agency: toAgencyDto(agency) }
  }
}
