import { registerJobs } from '#core/queue/job_registry'

registerJobs({
  'core.send_mail': () => import('./send_mail_job.js'),
})
