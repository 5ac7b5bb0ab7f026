import env from '#start/env'
import { defineConfig, stores } from '@adonisjs/limiter'
import type { InferLimiters } from '@adonisjs/limiter/types'

export const requestsPerMinute = env.get('RATE_LIMIT_PER_MINUTE', 200)
export const authFormsPerMinute = env.get('AUTH_RATE_LIMIT_PER_MINUTE', 20)

const limiterConfig = defineConfig({
  default: 'redis',
  stores: {
    redis: stores.redis({ connectionName: 'main' }),
  },
})

export default limiterConfig

declare module '@adonisjs/limiter/types' {
  export interface LimitersList extends InferLimiters<typeof limiterConfig> {}
}
