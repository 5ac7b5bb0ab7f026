import type { HttpContext } from '@adonisjs/core/http'
import { agencySettings } from '#core/public/agency'
import { ConflictException } from '#core/public/errors'
import { tenancy } from '#core/public/tenancy'
import SubmitWeek from '#time/actions/submit_week'
import SetWeekCell from '#time/actions/set_week_cell'
import { ApproveWeek, RejectWeek } from '#time/actions/decide_week'
import Timesheet from '#time/models/timesheet'
import TimesheetPolicy from '#time/policies/timesheet_policy'
import { pendingTimesheets } from '#time/queries/pending_timesheets'
import { weekGrid } from '#time/queries/week_grid'
import { weekTimesheet } from '#time/queries/week_timesheet'
import { addDays, agencyToday, weekStartOf } from '#time/rules/calendar'
import { rejectWeekValidator, submitWeekValidator, weekCellValidator, weekQueryValidator } from '#time/validators/timesheet'

/** On a page a state conflict (409) becomes an error toast on the page the user came from; nothing is kept. */
async function flashingConflicts(ctx: HttpContext, work: () => Promise<unknown>) {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof ConflictException) && (error as { code?: string })?.code !== 'TL409') throw error
    tenancy.markFailed()
    ctx.session.flash('error', (error as Error).message)
    return ctx.response.redirect().withQs().back()
  }
}

const weekLabel = (weekStart: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${weekStart}T00:00:00Z`))

/** The week view (grid, submit) and the approvals page. */
export default class TimesheetsController {
  async week({ request, inertia, auth }: HttpContext) {
    const { week } = await weekQueryValidator.validate(request.qs())
    const settings = await agencySettings(tenancy.agencyId())
    const day = week ?? agencyToday(settings.timezone)
    const timesheet = await weekTimesheet(auth.user!.id, day)
    return inertia.render('time/week', {
      timesheet,
      grid: await weekGrid(auth.user!.id, timesheet),
      previousWeek: addDays(timesheet.weekStart, -7),
      nextWeek: addDays(timesheet.weekStart, 7),
      thisWeek: weekStartOf(agencyToday(settings.timezone)),
      approvalRequired: settings.requireTimeApproval,
    })
  }

  async cell(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(weekCellValidator)
    return flashingConflicts(ctx, async () => {
      await new SetWeekCell().handle(ctx.auth.user!.id, input)
      return ctx.response.redirect().back()
    })
  }

  async submit(ctx: HttpContext) {
    const { week } = await ctx.request.validateUsing(submitWeekValidator)
    return flashingConflicts(ctx, async () => {
      const sheet = await new SubmitWeek().handle(ctx.auth.user!.id, week)
      ctx.session.flash('success', `Week of ${weekLabel(sheet.weekStart)} submitted for approval`)
      return ctx.response.redirect(`/time/week?week=${sheet.weekStart}`)
    })
  }

  async approvals({ inertia, auth, bouncer }: HttpContext) {
    await bouncer.with(TimesheetPolicy).authorize('approve')
    return inertia.render('time/approvals', { timesheets: await pendingTimesheets(auth.user!) })
  }

  async approve(ctx: HttpContext) {
    const sheet = await Timesheet.findOrFail(ctx.params.id)
    await ctx.bouncer.with(TimesheetPolicy).authorize('decide', sheet)
    return flashingConflicts(ctx, async () => {
      await new ApproveWeek().handle(sheet.id, ctx.auth.user!)
      ctx.session.flash('success', `Week of ${weekLabel(sheet.weekStart)} approved`)
      return ctx.response.redirect().back()
    })
  }

  async reject(ctx: HttpContext) {
    const sheet = await Timesheet.findOrFail(ctx.params.id)
    await ctx.bouncer.with(TimesheetPolicy).authorize('decide', sheet)
    const { reason } = await ctx.request.validateUsing(rejectWeekValidator)
    return flashingConflicts(ctx, async () => {
      await new RejectWeek().handle(sheet.id, ctx.auth.user!, reason)
      ctx.session.flash('success', `Week of ${weekLabel(sheet.weekStart)} sent back with your reason`)
      return ctx.response.redirect().back()
    })
  }
}
