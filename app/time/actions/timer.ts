/**
 * The timer: one running timer per person, kept on the server (so reloads and
 * other devices see it). Stopping it logs the time through `LogTime` — one
 * timed entry per agency-local day — in the caller's transaction. A timer
 * never runs longer than an entry may last: at 12 hours it stops at
 * startedAt + 12 h, lazily when it is next read and by the 5-minute sweep
 * (`StopOverdueTimersJob`), and the person is told in the app.
 */
import { DateTime } from 'luxon'
import { recordAudit } from '#core/public/audit'
import { ConflictException } from '#core/public/errors'
import { notifyUsers } from '#core/public/notifications'
import { dispatchAfterCommit } from '#core/public/queue'
import { tenancy } from '#core/public/tenancy'
import { projectNames, taskTitles } from '#projects/public/time_targets'
import LogTime from '#time/actions/log_time'
import { agencyZone, checkEntry, checkTask, loggableTarget, type EntryDraft } from '#time/actions/entry_rules'
import { toTimerDto, type TimerDto } from '#time/dtos/timer'
import RunningTimer from '#time/models/running_timer'
import type TimeEntry from '#time/models/time_entry'
import { MAX_ENTRY_SECONDS, splitByLocalDay } from '#time/rules/calendar'

export interface StartTimerInput {
  projectId: string
  taskId?: string | null
  description?: string | null
  /** Defaults from the project. */
  billable?: boolean | null
}

export interface StoppedTimer {
  /** One per agency-local day the timer ran on (none when it ran under a second). */
  entries: TimeEntry[]
  /** It had reached 12 hours and stopped there, not now. */
  capped: boolean
  endedAt: DateTime
}

export const TIMER_CAPPED_TITLE = 'Your timer was stopped at 12 hours'
const ALREADY_RUNNING = 'A timer is already running: stop it before starting another'

/** A rule the time broke, found before anything was written (the transaction is still clean). */
function isCheckError(error: unknown) {
  const code = (error as { code?: string })?.code
  return code === 'E_VALIDATION_ERROR' || code === 'E_CONFLICT'
}

/** Any reason the timer cannot become entries as it is: a broken rule, a locked week, an overlap won by a race. */
export function isRuleError(error: unknown) {
  const code = (error as { code?: string })?.code
  return isCheckError(error) || code === 'TL409' || code === '23P01'
}

function capOf(timer: RunningTimer) {
  return timer.startedAt.plus({ seconds: MAX_ENTRY_SECONDS })
}

function snapshot(timer: RunningTimer) {
  return {
    userId: timer.userId,
    projectId: timer.projectId,
    taskId: timer.taskId,
    description: timer.description,
    billable: timer.billable,
    startedAt: timer.startedAt.toUTC().toISO(),
  }
}

/** The person's timer, locked for this transaction when `lock` (a second stop waits, then finds nothing). */
function findTimer(userId: string, lock = false) {
  const query = RunningTimer.query().where('userId', userId)
  if (lock) query.forUpdate()
  return query.first()
}

/**
 * Stops `userId`'s timer: at `now`, or at startedAt + 12 h when it has run that
 * long. Every piece is checked before anything is written, so a broken rule
 * (a completed project, an overlap, a submitted week) leaves the timer
 * running and the transaction clean. Idempotent: no timer, nothing happens.
 */
export class StopTimer {
  async handle(userId: string, options: { now?: DateTime } = {}): Promise<StoppedTimer | null> {
    const timer = await findTimer(userId, true)
    if (!timer) return null
    const now = (options.now ?? DateTime.utc()).toUTC()
    const capped = now >= capOf(timer)
    const endedAt = (capped ? capOf(timer) : now).startOf('second').toUTC()
    const zone = await agencyZone()
    const drafts: EntryDraft[] = splitByLocalDay(timer.startedAt.startOf('second'), endedAt, zone).map((piece) => ({
      userId,
      projectId: timer.projectId,
      taskId: timer.taskId,
      description: timer.description,
      billable: timer.billable,
      entryDate: piece.date,
      startedAt: piece.startedAt,
      endedAt: piece.endedAt,
      durationSeconds: piece.seconds,
    }))
    for (const draft of drafts) await checkEntry(draft)

    await timer.delete()
    const entries: TimeEntry[] = []
    for (const draft of drafts) entries.push(await new LogTime().handle(draft))
    await recordAudit({
      entityType: 'timer',
      entityId: userId,
      action: 'stopped',
      before: snapshot(timer),
      after: { endedAt: endedAt.toISO(), capped, timeEntryIds: entries.map((entry) => entry.id) },
    })
    if (capped) await tellCapped(userId, entries)
    return { entries, capped, endedAt }
  }
}

/**
 * The person learns in the app that the timer stopped at 12 hours. Only
 * `system` may notify (the sweep is); a request that stopped it lazily asks
 * the queue, after its transaction commits.
 */
async function tellCapped(userId: string, entries: TimeEntry[], reason?: string) {
  const seconds = entries.reduce((sum, entry) => sum + entry.durationSeconds, 0)
  const notification = cappedNotification(seconds, entries[0]?.projectId ?? null, reason)
  if (tenancy.current()?.role === 'system') return notifyUsers([userId], notification)
  const { default: NotifyTimerCappedJob } = await import('#time/jobs/notify_timer_capped_job')
  await dispatchAfterCommit(NotifyTimerCappedJob, { agencyId: tenancy.agencyId(), userId, notification })
}

export function cappedNotification(seconds: number, projectId: string | null, reason?: string) {
  const logged = seconds > 0 ? `${Math.floor(seconds / 3600)}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')} was logged` : ''
  return {
    kind: 'time.timer_capped',
    title: TIMER_CAPPED_TITLE,
    body: reason
      ? `Its time could not be logged (${reason}): add it by hand if it should count.`
      : `A timer runs at most 12 hours; ${logged}. Check the entry if you stopped working earlier.`,
    href: projectId ? `/projects/${projectId}` : null,
  }
}

/** Starts a timer on a project the person may log on; a second one while one runs is a 409. */
export class StartTimer {
  async handle(userId: string, input: StartTimerInput) {
    // An overdue timer is stopped at 12 hours first, and no longer stands in the way.
    const { timer: running } = await currentTimer(userId)
    if (running) throw new ConflictException(ALREADY_RUNNING)
    const target = await loggableTarget(input.projectId, userId)
    const taskId = input.taskId ?? null
    await checkTask(input.projectId, taskId)
    const timer = await RunningTimer.create({
      userId,
      projectId: input.projectId,
      taskId,
      description: input.description?.trim() ?? '',
      billable: input.billable ?? target.billableByDefault,
      startedAt: DateTime.utc().startOf('second'),
    }).catch((error) => {
      // Two starts at once (a double click, two devices): the primary key lets one through.
      if ((error as { code?: string })?.code === '23505') throw new ConflictException(ALREADY_RUNNING)
      throw error
    })
    await recordAudit({ entityType: 'timer', entityId: userId, action: 'started', after: snapshot(timer) })
    return timer
  }
}

/** Throws the timer away without logging anything. Idempotent. */
export class DiscardTimer {
  async handle(userId: string): Promise<boolean> {
    const timer = await findTimer(userId, true)
    if (!timer) return false
    await timer.delete()
    await recordAudit({ entityType: 'timer', entityId: userId, action: 'discarded', before: snapshot(timer) })
    return true
  }

  /** The sweep, when a 12-hour timer breaks a rule: it ends without entries, and the person is told why. */
  async handleUnloggable(userId: string, reason: string) {
    if (await this.handle(userId)) await tellCapped(userId, [], reason)
  }
}

export interface CurrentTimer {
  timer: RunningTimer | null
  /** Set when this read found the timer past 12 hours and stopped it. */
  stopped: StoppedTimer | null
}

/**
 * The person's running timer, or null. One that has reached 12 hours is
 * stopped here at startedAt + 12 h; if its time breaks a rule it stays (the
 * person stops or discards it and sees why), nothing having been written.
 */
export async function currentTimer(userId: string): Promise<CurrentTimer> {
  const timer = await findTimer(userId)
  if (!timer || DateTime.utc() < capOf(timer)) return { timer, stopped: null }
  try {
    return { timer: null, stopped: await new StopTimer().handle(userId) }
  } catch (error) {
    if (!isCheckError(error)) throw error
    return { timer, stopped: null }
  }
}

/** The timer with its project's name and task's title, for the widget and the API. */
export async function timerDto(timer: RunningTimer): Promise<TimerDto> {
  const names = await projectNames([timer.projectId])
  const titles = timer.taskId ? await taskTitles([timer.taskId]) : new Map<string, string>()
  return toTimerDto(timer, {
    projectName: names.get(timer.projectId)?.name ?? '',
    taskTitle: timer.taskId ? (titles.get(timer.taskId) ?? null) : null,
  })
}
