import User from '#core/models/user'
import { recordAudit } from '#core/audit/audit_trail'

/** A personal API token; its plain value is returned once and never stored. */
export default class CreateAccessToken {
  async handle(user: User, name: string) {
    const token = await User.accessTokens.create(user, ['*'], { name })
    await recordAudit({ entityType: 'access_token', entityId: String(token.identifier), action: 'created', after: { name } })
    return { id: String(token.identifier), name, value: token.value!.release() }
  }
}
