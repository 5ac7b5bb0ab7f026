import type { Secret } from '@adonisjs/core/helpers'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import { AccessToken, DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import { isUuid } from './uuid.js'

/** `last_used_at` is kept to the minute: a write per API request would cost a WAL flush each. */
const TOUCH_INTERVAL_MS = 60_000

/**
 * Adonis' provider, except that the secret and expiry are checked before
 * anything is written, and `last_used_at` is written at most once a minute.
 */
export class VerifiedFirstTokensProvider<Model extends LucidModel> extends DbAccessTokensProvider<Model> {
  async verify(tokenValue: Secret<string>) {
    const decoded = AccessToken.decode(this.prefix, tokenValue.release())
    if (!decoded || !isUuid(decoded.identifier)) return null
    const db = await this.getDb()
    const row = await db.query().from(this.table).where({ id: decoded.identifier, type: this.type }).first()
    if (!row) return null
    const token = this.dbRowToAccessToken(row)
    if (!token.verify(decoded.secret) || token.isExpired()) return null

    const lastUsed = row.last_used_at ? new Date(row.last_used_at).getTime() : 0
    if (Date.now() - lastUsed > TOUCH_INTERVAL_MS) {
      const now = new Date()
      await db.from(this.table).where({ id: row.id }).update({ last_used_at: now })
      token.lastUsedAt = now
    }
    return token
  }
}
