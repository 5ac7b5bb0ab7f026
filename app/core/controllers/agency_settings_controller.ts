import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'
import Agency from '#core/models/agency'
import AgencyPolicy from '#core/policies/agency_policy'
import UpdateAgencySettings from '#core/actions/update_agency_settings'
import { toAgencyDto } from '#core/dtos/agency'
import { agencySettingsFormValidator, CURRENCIES, TIMEZONES } from '#core/validators/agency'

export default class AgencySettingsController {
  async show({ inertia, auth, bouncer }: HttpContext) {
    const agency = await Agency.findOrFail(auth.user!.agencyId)
    return inertia.render('core/settings/agency', {
      agency: toAgencyDto(agency),
      options: { currencies: CURRENCIES, timezones: TIMEZONES },
      can: { update: await bouncer.with(AgencyPolicy).allows('updateSettings') },
    })
  }

  async update({ request, response, auth, bouncer, session }: HttpContext) {
    await bouncer.with(AgencyPolicy).authorize('updateSettings')
    const input = await request.validateUsing(agencySettingsFormValidator)
    const agency = await Agency.findOrFail(auth.user!.agencyId)
    await new UpdateAgencySettings().handle(agency, input)
    session.flash('success', 'Agency settings saved')
    return response.redirect('/settings/agency')
  }

  /** The agency's own logo, for its signed-in staff only. */
  async logo({ auth, response }: HttpContext) {
    const agency = await Agency.findOrFail(auth.user!.agencyId)
    if (!agency.logoPath) return response.notFound()
    const disk = drive.use()
    const { contentType } = await disk.getMetaData(agency.logoPath)
    response.header('content-type', contentType ?? 'application/octet-stream')
    response.header('cache-control', 'private, max-age=86400')
    response.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
    return response.stream(await disk.getStream(agency.logoPath))
  }
}
