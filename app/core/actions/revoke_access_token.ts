import User from '#core/models/user'
import { recordAudit } from '#core/audit/audit_trail'

export default class RevokeAccessToken {
  /** Returns false when the user has no such token (unknown, or another user's). */
  async handle(user: User, tokenId: string) {
    const deleted = await User.accessTokens.delete(user, tokenId)
    if (deleted) await recordAudit({ entityType: 'access_token', entityId: tokenId, action: 'revoked' })
    return deleted > 0
  }
}
