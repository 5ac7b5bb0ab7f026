import { defineConfig } from '@rlanz/bull-queue'
import { redisConnection } from '#config/redis'

export default defineConfig({
  defaultConnection: { ...redisConnection, maxRetriesPerRequest: null },
  queue: {},
  worker: { concurrency: 5 },
  jobs: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: 1000,
    removeOnFail: 5000,
  },
})
