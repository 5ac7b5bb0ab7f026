import { registerJobs } from '#core/public/queue'

registerJobs({})
