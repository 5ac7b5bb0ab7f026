import type { HttpContext } from '@adonisjs/core/http'
import { currentUserId } from '#time/actions/log_time'
import { DiscardTimer, StartTimer, StopTimer, currentTimer, timerDto } from '#time/actions/timer'
import { toTimeEntryDto } from '#time/dtos/time_entry'
import { startTimerValidator } from '#time/validators/timer'

/**
 * The signed-in person's timer over the JSON API. It is always their own:
 * nobody reads or stops someone else's. A read that finds it past 12 hours
 * stops it there and says so (`stoppedAtLimit`).
 */
export default class TimerController {
  async show() {
    const { timer, stopped } = await currentTimer(currentUserId())
    return {
      timer: timer ? await timerDto(timer) : null,
      ...(stopped ? { stoppedAtLimit: { timeEntries: stopped.entries.map((entry) => toTimeEntryDto(entry)) } } : {}),
    }
  }

  async start({ request, response }: HttpContext) {
    const input = await request.validateUsing(startTimerValidator)
    const timer = await new StartTimer().handle(currentUserId(), input)
    return response.created({ timer: await timerDto(timer) })
  }

  /** Idempotent: with no timer running, nothing is logged (`timeEntries: []`). */
  async stop() {
    const stopped = await new StopTimer().handle(currentUserId())
    return {
      timeEntries: (stopped?.entries ?? []).map((entry) => toTimeEntryDto(entry)),
      stoppedAtLimit: stopped?.capped ?? false,
    }
  }

  async discard({ response }: HttpContext) {
    await new DiscardTimer().handle(currentUserId())
    return response.noContent()
  }
}
