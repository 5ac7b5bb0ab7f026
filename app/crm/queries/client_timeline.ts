import { listStaff, type StaffIdentity } from '#core/public/users'
import ClientActivity from '#crm/models/client_activity'
import { isManualActivity, mayDeleteActivity } from '#crm/actions/delete_client_activity'
import type { ActivityDto, TimelinePage } from '#crm/dtos/activity'

export const TIMELINE_PER_PAGE = 20

/** A client's timeline, newest first, a page at a time (client_activities_client_idx). */
export async function clientTimeline(clientId: string, page: number, viewer: StaffIdentity): Promise<TimelinePage> {
  const result = await ClientActivity.query()
    .where('clientId', clientId)
    .orderBy('occurredAt', 'desc')
    .orderBy('id', 'desc')
    .paginate(page, TIMELINE_PER_PAGE)
  const names = await staffNames()
  const activities = result.all().map((activity) => toActivityDto(activity, names, viewer))
  return { activities, total: result.total, page: result.currentPage, perPage: result.perPage, lastPage: result.lastPage }
}

export async function staffNames() {
  return new Map((await listStaff()).map((user) => [user.id, user.name]))
}

export function toActivityDto(activity: ClientActivity, names: Map<string, string>, viewer: StaffIdentity): ActivityDto {
  return {
    id: activity.id,
    clientId: activity.clientId,
    dealId: activity.dealId,
    kind: activity.kind,
    body: activity.body,
    manual: isManualActivity(activity),
    actor: activity.actorUserId ? { id: activity.actorUserId, name: names.get(activity.actorUserId) ?? 'Former user' } : null,
    occurredAt: activity.occurredAt.toISO()!,
    canDelete: mayDeleteActivity(activity, viewer),
  }
}
