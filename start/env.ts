/*
|--------------------------------------------------------------------------
| Environment variables
|--------------------------------------------------------------------------
| Everything has a default so a fresh clone runs with no .env at all; the
| README's configuration table lists each variable. DATABASE_URL, REDIS_URL
| and APP_KEY are filled by bin/embedded_services.ts when unset.
*/
import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum.optional(['development', 'production', 'test'] as const),
  PORT: Env.schema.number.optional(),
  HOST: Env.schema.string.optional({ format: 'host' }),
  APP_KEY: Env.schema.string(),
  APP_URL: Env.schema.string.optional(),
  LOG_LEVEL: Env.schema.string.optional(),
  SESSION_DRIVER: Env.schema.enum.optional(['redis', 'cookie', 'memory'] as const),

  DATABASE_URL: Env.schema.string(),
  DB_APP_ROLE: Env.schema.string.optional(),
  DB_APP_PASSWORD: Env.schema.string.optional(),
  DB_POOL_MAX: Env.schema.number.optional(),
  REDIS_URL: Env.schema.string(),

  SMTP_HOST: Env.schema.string.optional(),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_USERNAME: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.string.optional(),
  SMTP_SECURE: Env.schema.boolean.optional(),
  MAIL_FROM_ADDRESS: Env.schema.string.optional(),
  MAIL_FROM_NAME: Env.schema.string.optional(),

  STORAGE_DIR: Env.schema.string.optional(),

  STRIPE_SECRET_KEY: Env.schema.string.optional(),
  STRIPE_WEBHOOK_SECRET: Env.schema.string.optional(),
  STRIPE_API_HOST: Env.schema.string.optional(),
  STRIPE_API_PORT: Env.schema.number.optional(),
  STRIPE_API_PROTOCOL: Env.schema.enum.optional(['http', 'https'] as const),

  RATE_LIMIT_PER_MINUTE: Env.schema.number.optional(),
  AUTH_RATE_LIMIT_PER_MINUTE: Env.schema.number.optional(),
})
