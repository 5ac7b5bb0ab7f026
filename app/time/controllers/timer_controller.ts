import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@vinejs/vine'
import { ConflictException } from '#core/public/errors'
import { tenancy } from '#core/public/tenancy'
import { currentUserId } from '#time/actions/log_time'
import { DiscardTimer, StartTimer, StopTimer } from '#time/actions/timer'
import { timerOptions } from '#time/queries/timer_widget'
import { formatDuration } from '#time/rules/duration'
import { startTimerValidator } from '#time/validators/timer'

/**
 * The header widget's forms (session + CSRF): each redirects back with a
 * flash. The running timer itself reaches every page as the `timer` prop.
 */
export default class TimerController {
  /** The Start dialog's choices, fetched as JSON when it opens. */
  async options() {
    return timerOptions(currentUserId())
  }

  async start(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(startTimerValidator)
    return flashingConflicts(ctx, {}, async () => {
      await new StartTimer().handle(currentUserId(), input)
      ctx.session.flash('success', 'Timer started')
    })
  }

  /** A rule the time breaks (its project was completed, the week submitted…) is shown as a toast: the timer keeps running. */
  async stop(ctx: HttpContext) {
    return flashingConflicts(ctx, { ruleErrorsToo: true }, async () => {
      const stopped = await new StopTimer().handle(currentUserId())
      if (!stopped) ctx.session.flash('error', 'No timer was running')
      else {
        const seconds = stopped.entries.reduce((sum, entry) => sum + entry.durationSeconds, 0)
        const days = stopped.entries.length > 1 ? ` over ${stopped.entries.length} days` : ''
        ctx.session.flash(
          'success',
          stopped.capped
            ? `Your timer was stopped at 12 hours: ${formatDuration(seconds)} logged${days}`
            : `Timer stopped: ${formatDuration(seconds)} logged${days}`
        )
      }
    })
  }

  async discard(ctx: HttpContext) {
    const discarded = await new DiscardTimer().handle(currentUserId())
    ctx.session.flash(discarded ? 'success' : 'error', discarded ? 'Timer discarded: nothing was logged' : 'No timer was running')
    return ctx.response.redirect().back()
  }
}

/**
 * A state conflict (a timer already running, a locked week) — and with
 * `ruleErrorsToo` a broken rule — becomes an error toast on the same page;
 * nothing the action wrote is kept.
 */
async function flashingConflicts(ctx: HttpContext, options: { ruleErrorsToo?: boolean }, work: () => Promise<void>) {
  try {
    await work()
  } catch (error) {
    const ruleMessage = options.ruleErrorsToo && error instanceof errors.E_VALIDATION_ERROR ? error.messages?.[0]?.message : null
    if (!(error instanceof ConflictException) && !ruleMessage) throw error
    tenancy.markFailed()
    ctx.session.flash('error', ruleMessage ?? (error as Error).message)
  }
  return ctx.response.redirect().back()
}
