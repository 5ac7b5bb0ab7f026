import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import { DeleteTimeEntry, EditTimeEntry } from '#time/actions/edit_time_entry'
import { changesFromInput, draftFromInput } from '#time/actions/entry_input'
import { agencyZone } from '#time/actions/entry_rules'
import LogTime, { currentUserId } from '#time/actions/log_time'
import { exportFilename, flashingConflicts, ownEntry } from '#time/controllers/entry_access'
import { dayView } from '#time/queries/day_view'
import { exportEntriesCsv } from '#time/queries/export_entries'
import { agencyToday } from '#time/rules/calendar'
import { formatDuration } from '#time/rules/duration'
import { createTimeEntryValidator, dayValidator, timeEntryFiltersValidator, updateTimeEntryValidator } from '#time/validators/time_entry'

/** The form's start/end inputs are times of day; the rules speak of instants. */
const FORM_FIELDS: Record<string, string> = { startedAt: 'startTime', endedAt: 'endTime' }

/** Errors on the fields the form shows, when it sent start and end times. */
async function onFormFields<T>(usesClock: boolean, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (!usesClock || !(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
    const messages = (error.messages as Array<{ field: string; message: string; rule: string }>).map((message) => ({
      ...message,
      field: FORM_FIELDS[message.field] ?? message.field,
    }))
    throw new vineErrors.E_VALIDATION_ERROR(messages)
  }
}

/** The day view and the manual entry form's writes (redirecting back to the entry's day). */
export default class TimeEntriesController {
  async day({ request, inertia }: HttpContext) {
    const zone = await agencyZone()
    const today = agencyToday(zone)
    const { date } = await dayValidator.validate(request.qs())
    return inertia.render('time/day', await dayView(currentUserId(), date ?? today, today, zone))
  }

  async store({ request, response, session }: HttpContext) {
    const input = await request.validateUsing(createTimeEntryValidator)
    const entry = await onFormFields(input.startTime !== undefined || input.endTime !== undefined, async () =>
      new LogTime().handle(await draftFromInput(input, currentUserId()))
    )
    session.flash('success', `Logged ${formatDuration(entry.durationSeconds)} on ${entry.entryDate}`)
    return response.redirect(`/time?date=${entry.entryDate}`)
  }

  async update(ctx: HttpContext) {
    const entry = await ownEntry(ctx.params.id)
    const input = await ctx.request.validateUsing(updateTimeEntryValidator)
    return flashingConflicts(ctx, async () => {
      const saved = await onFormFields(input.startTime !== undefined || input.endTime !== undefined, async () =>
        new EditTimeEntry().handle(entry, await changesFromInput(entry, input))
      )
      ctx.session.flash('success', 'Entry saved')
      return ctx.response.redirect(`/time?date=${saved.entryDate}`)
    })
  }

  async destroy(ctx: HttpContext) {
    const entry = await ownEntry(ctx.params.id)
    return flashingConflicts(ctx, async () => {
      await new DeleteTimeEntry().handle(entry)
      ctx.session.flash('success', `Deleted ${formatDuration(entry.durationSeconds)} on ${entry.entryDate}`)
      return ctx.response.redirect().withQs().back()
    })
  }

  /** Timesheets as CSV: what the signed-in person may read, narrowed by the filters. */
  async export({ request, response }: HttpContext) {
    const filters = await timeEntryFiltersValidator.validate(request.qs())
    response.header('content-type', 'text/csv; charset=utf-8')
    response.header('content-disposition', `attachment; filename="${exportFilename(filters)}"`)
    return exportEntriesCsv(filters)
  }
}
