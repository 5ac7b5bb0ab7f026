import type { HttpContext } from '@adonisjs/core/http'
import { DeleteTimeEntry, EditTimeEntry } from '#time/actions/edit_time_entry'
import { changesFromInput, draftFromInput } from '#time/actions/entry_input'
import LogTime, { currentUserId } from '#time/actions/log_time'
import { exportFilename, ownEntry, visibleEntry } from '#time/controllers/entry_access'
import { exportEntriesCsv } from '#time/queries/export_entries'
import { listEntries, withNames } from '#time/queries/list_entries'
import { createTimeEntryValidator, timeEntryFiltersValidator, updateTimeEntryValidator } from '#time/validators/time_entry'

/** Time entries over the JSON API. Time is always logged by, and for, the token's user. */
export default class TimeEntriesController {
  async index({ request }: HttpContext) {
    const filters = await timeEntryFiltersValidator.validate(request.qs())
    return listEntries(filters, currentUserId())
  }

  async show({ params }: HttpContext) {
    const [timeEntry] = await withNames([await visibleEntry(params.id)])
    return { timeEntry }
  }

  async store({ request, response }: HttpContext) {
    const input = await request.validateUsing(createTimeEntryValidator)
    const entry = await new LogTime().handle(await draftFromInput(input, currentUserId()))
    const [timeEntry] = await withNames([entry])
    return response.created({ timeEntry })
  }

  async update({ params, request }: HttpContext) {
    const entry = await ownEntry(params.id)
    const input = await request.validateUsing(updateTimeEntryValidator)
    const [timeEntry] = await withNames([await new EditTimeEntry().handle(entry, await changesFromInput(entry, input))])
    return { timeEntry }
  }

  async destroy({ params, response }: HttpContext) {
    await new DeleteTimeEntry().handle(await ownEntry(params.id))
    return response.noContent()
  }

  /** The caller's readable time as CSV (RLS scopes it; filters only narrow). */
  async export({ request, response }: HttpContext) {
    const filters = await timeEntryFiltersValidator.validate(request.qs())
    response.header('content-type', 'text/csv; charset=utf-8')
    response.header('content-disposition', `attachment; filename="${exportFilename(filters)}"`)
    return exportEntriesCsv(filters)
  }
}
