import type { HttpContext } from '@adonisjs/core/http'
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import SubmitWeek from '#time/actions/submit_week'
import { ApproveWeek, RejectWeek } from '#time/actions/decide_week'
import Timesheet from '#time/models/timesheet'
import TimesheetPolicy from '#time/policies/timesheet_policy'
import { pendingTimesheets } from '#time/queries/pending_timesheets'
import { toTimesheetDto, weekTimesheet } from '#time/queries/week_timesheet'
import { agencyToday } from '#time/rules/calendar'
import { rejectWeekValidator, submitWeekValidator, weekQueryValidator } from '#time/validators/timesheet'

/** Weekly timesheets over the JSON API: one's own week, submitting it, and deciding others'. */
export default class TimesheetsController {
  /** GET /api/timesheets?week=YYYY-MM-DD (any day of the week; default: this week). */
  async show({ request, auth }: HttpContext) {
    const { week } = await weekQueryValidator.validate(request.qs())
    const day = week ?? agencyToday((await agencySettings(tenancy.agencyId())).timezone)
    return { timesheet: await weekTimesheet(auth.user!.id, day) }
  }

  async submit({ request, auth }: HttpContext) {
    const { week } = await request.validateUsing(submitWeekValidator)
    const sheet = await new SubmitWeek().handle(auth.user!.id, week)
    return { timesheet: await weekTimesheet(auth.user!.id, sheet.weekStart) }
  }

  async pending({ auth, bouncer }: HttpContext) {
    await bouncer.with(TimesheetPolicy).authorize('approve')
    return { timesheets: await pendingTimesheets(auth.user!) }
  }

  async approve({ params, auth, bouncer }: HttpContext) {
    const sheet = await Timesheet.findOrFail(params.id)
    await bouncer.with(TimesheetPolicy).authorize('decide', sheet)
    const decided = await new ApproveWeek().handle(sheet.id, auth.user!)
    return { timesheet: toTimesheetDto(decided, decided.userId, decided.weekStart) }
  }

  async reject({ params, request, auth, bouncer }: HttpContext) {
    const sheet = await Timesheet.findOrFail(params.id)
    await bouncer.with(TimesheetPolicy).authorize('decide', sheet)
    const { reason } = await request.validateUsing(rejectWeekValidator)
    const decided = await new RejectWeek().handle(sheet.id, auth.user!, reason)
    return { timesheet: toTimesheetDto(decided, decided.userId, decided.weekStart) }
  }
}
