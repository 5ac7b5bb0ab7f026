import type { HttpContext } from '@adonisjs/core/http'
import { stringify } from 'csv-stringify/sync'
import CrmPolicy from '#crm/policies/crm_policy'
import ImportClients from '#crm/actions/import_clients'
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS } from '#crm/import/client_csv'
import { planClientImport, toImportSummary, type ImportSummaryDto } from '#crm/queries/plan_client_import'
import { uploadedCsv } from '#crm/validators/client_import'

const PREVIEW_KEY = 'clientImportPreview'

/**
 * Two steps, stateless: the page uploads the file for a preview (nothing is
 * written), then uploads the same file again to import its good rows.
 */
export default class ClientImportController {
  async show({ inertia, bouncer, session }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    return inertia.render('crm/clients/import', {
      preview: (session.flashMessages.get(PREVIEW_KEY) as ImportSummaryDto | undefined) ?? null,
      format: { columns: IMPORT_COLUMNS, maxRows: IMPORT_MAX_ROWS, maxSize: '2 MB' },
    })
  }

  /** A file to start from: the header and one example row. */
  async template({ response }: HttpContext) {
    response.header('content-type', 'text/csv; charset=utf-8')
    response.header('content-disposition', 'attachment; filename="clients-template.csv"')
    return stringify(
      [['Acme Ltd', 'Retail', 'acme.example', 'Ada Lovelace', 'ada@acme.example', '+44 20 7946 0000', 'CTO', 'VIP; Retainer']],
      { header: true, columns: [...IMPORT_COLUMNS] }
    )
  }

  async preview({ request, response, bouncer, session }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const plan = await planClientImport(await uploadedCsv(request))
    // Kept in the session for one page view: the first 1,000 rejections are plenty to fix a file.
    session.flash(PREVIEW_KEY, toImportSummary(plan, { maxRejected: 1000 }))
    return response.redirect('/clients/import')
  }

  async store({ request, response, bouncer, session }: HttpContext) {
    await bouncer.with(CrmPolicy).authorize('manage')
    const plan = await planClientImport(await uploadedCsv(request))
    const result = await new ImportClients().handle(plan)
    session.flash('success', `Imported ${result.clients} ${result.clients === 1 ? 'client' : 'clients'}, ${result.contacts} ${result.contacts === 1 ? 'contact' : 'contacts'}`)
    return response.redirect('/clients')
  }
}
