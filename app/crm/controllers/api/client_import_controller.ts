import type { HttpContext } from '@adonisjs/core/http'
import CrmPolicy from '#crm/policies/crm_policy'
import ImportClients from '#crm/actions/import_clients'
import { planClientImport, toImportSummary } from '#crm/queries/plan_client_import'
import { importQueryValidator, uploadedCsv } from '#crm/validators/client_import'

/** POST /api/clients/import?dryRun=true|false, multipart `file`: the page's two steps in one call. */
export default class ClientImportController {
  async store({ request, response, bouncer }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const { dryRun } = await importQueryValidator.validate(request.qs())
    const plan = await planClientImport(await uploadedCsv(request))
    const summary = { dryRun: dryRun ?? false, ...toImportSummary(plan) }
    if (dryRun) return summary
    await new ImportClients().handle(plan)
    return response.created(summary)
  }
}
