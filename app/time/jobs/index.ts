import { registerJobs, registerSchedule } from '#core/public/queue'

registerJobs({
  'time.timesheet_notification': () => import('./timesheet_notification_job.js'),
})

// The timer: the 5-minute sweep that stops timers at 12 hours, and the note a lazy stop sends.
registerJobs({
  'time.stop_overdue_timers': () => import('./stop_overdue_timers_job.js'),
  'time.notify_timer_capped': () => import('./notify_timer_capped_job.js'),
})
registerSchedule(async () => {
  const { scheduleTimerSweep } = await import('#time/jobs/stop_overdue_timers_job')
  await scheduleTimerSweep()
})
