/*
| Two connections to one database:
| - `app` (default): the runtime role (DB_APP_ROLE), neither superuser, table
|   owner nor BYPASSRLS, so Row Level Security always applies to it.
| - `owner`: DATABASE_URL's role, which owns the schema and runs migrations.
*/
import env from '#start/env'
import { defineConfig } from '@adonisjs/lucid'

const ownerUrl = new URL(env.get('DATABASE_URL'))

export const appRole = env.get('DB_APP_ROLE', 'throughline_app')
export const appRolePassword = env.get('DB_APP_PASSWORD', 'throughline_app')

function connectionFrom(url: URL, user: string, password: string) {
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user,
    password,
    database: decodeURIComponent(url.pathname.slice(1)) || 'postgres',
  }
}

const dbConfig = defineConfig({
  connection: 'app',
  connections: {
    app: {
      client: 'pg',
      connection: connectionFrom(ownerUrl, appRole, appRolePassword),
      pool: { min: 0, max: env.get('DB_POOL_MAX', 20) },
      migrations: { naturalSort: true, paths: ['database/migrations'] },
      seeders: { paths: ['database/seeders'] },
    },
    owner: {
      client: 'pg',
      connection: connectionFrom(
        ownerUrl,
        decodeURIComponent(ownerUrl.username),
        decodeURIComponent(ownerUrl.password)
      ),
      pool: { min: 0, max: 5 },
      migrations: { naturalSort: true, paths: ['database/migrations'] },
      seeders: { paths: ['database/seeders'] },
    },
  },
})

export default dbConfig
