import { AuthorizationResponse, errors } from '@adonisjs/bouncer'
import { recordAudit } from '#core/public/audit'
import type { StaffIdentity } from '#core/public/users'
import type ClientActivity from '#crm/models/client_activity'
import { MANUAL_ACTIVITY_KINDS } from '#crm/models/client_activity'

const MANUAL = new Set<string>(MANUAL_ACTIVITY_KINDS)

export function isManualActivity(activity: Pick<ClientActivity, 'kind'>) {
  return MANUAL.has(activity.kind)
}

/** Notes and calls go by their author or an owner; events recorded by other modules stay. */
export function mayDeleteActivity(activity: Pick<ClientActivity, 'kind' | 'actorUserId'>, viewer: StaffIdentity) {
  if (!isManualActivity(activity) || viewer.role === 'member') return false
  return viewer.role === 'owner' || activity.actorUserId === viewer.id
}

/** Removes a manual timeline entry. */
export default class DeleteClientActivity {
  async handle(activity: ClientActivity, viewer: StaffIdentity) {
    if (!mayDeleteActivity(activity, viewer)) {
      throw new errors.E_AUTHORIZATION_FAILURE(
        AuthorizationResponse.deny('Only its author or an owner can delete an entry, and recorded events stay', 403)
      )
    }
    await activity.delete()
    await recordAudit({
      entityType: 'client_activity',
      entityId: activity.id,
      action: 'deleted',
      before: { clientId: activity.clientId, kind: activity.kind, body: activity.body },
    })
  }
}
