import { registerJobs } from '#core/public/queue'

registerJobs({})

// Deliverables: "New deliverable to approve" to the client's portal contacts.
registerJobs({
  'portal.notify_deliverable_approval': () => import('./notify_deliverable_approval_job.js'),
})
