import env from '#start/env'
import { defineConfig } from '@adonisjs/redis'
import type { InferConnections } from '@adonisjs/redis/types'

const url = new URL(env.get('REDIS_URL'))

export const redisConnection = {
  host: url.hostname,
  port: Number(url.port || 6379),
  password: url.password ? decodeURIComponent(url.password) : undefined,
  db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
}

const redisConfig = defineConfig({
  connection: 'main',
  connections: {
    main: { ...redisConnection, keyPrefix: '', retryStrategy: (times) => (times > 10 ? null : times * 50) },
  },
})

export default redisConfig

declare module '@adonisjs/redis/types' {
  export interface RedisConnections extends InferConnections<typeof redisConfig> {}
}
