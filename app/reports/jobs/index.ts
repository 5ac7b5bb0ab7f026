import { registerJobs } from '#core/public/queue'

// Large report exports (CSV) prepared off the request, with progress.
registerJobs({
  'reports.export': () => import('./report_export_job.js'),
})
