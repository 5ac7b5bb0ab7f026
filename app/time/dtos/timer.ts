import { DateTime } from 'luxon'
import type RunningTimer from '#time/models/running_timer'
import { MAX_ENTRY_SECONDS } from '#time/rules/calendar'

/** The running timer as the header widget and the API see it. */
export interface TimerDto {
  projectId: string
  projectName: string
  taskId: string | null
  taskTitle: string | null
  description: string
  billable: boolean
  startedAt: string
  /** Seconds run when this answer was made (clients tick from here, whatever their clock says). */
  elapsed: number
  /** When it stops on its own (12 hours after the start). */
  stopsAt: string
}

export function toTimerDto(
  timer: RunningTimer,
  names: { projectName: string; taskTitle: string | null },
  now: DateTime = DateTime.utc()
): TimerDto {
  const elapsed = Math.floor(now.diff(timer.startedAt, 'seconds').seconds)
  return {
    projectId: timer.projectId,
    projectName: names.projectName,
    taskId: timer.taskId,
    taskTitle: names.taskTitle,
    description: timer.description,
    billable: timer.billable,
    startedAt: timer.startedAt.toUTC().toISO()!,
    elapsed: Math.min(Math.max(elapsed, 0), MAX_ENTRY_SECONDS),
    stopsAt: timer.startedAt.plus({ seconds: MAX_ENTRY_SECONDS }).toUTC().toISO()!,
  }
}
