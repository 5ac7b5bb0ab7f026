import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type { StaffIdentity } from '#core/public/users'
import ProjectMember from '#projects/models/project_member'

/**
 * Owners run every project; managers create projects and run the ones they
 * manage; members read and work in the projects they are assigned to. Which
 * projects anyone can see at all is RLS's job (an unseen project is a 404).
 */
export default class ProjectPolicy extends BasePolicy {
  create(user: StaffIdentity): AuthorizerResponse {
    return user.role === 'owner' || user.role === 'manager'
      ? true
      : AuthorizationResponse.deny('Only owners and managers can create projects', 403)
  }

  async manage(user: StaffIdentity, project: { id: string }): Promise<AuthorizerResponse> {
    if (user.role === 'owner') return true
    if (user.role === 'manager' && (await managesProject(user.id, project.id))) return true
    return AuthorizationResponse.deny('Only the owner and the managers of this project can change it', 403)
  }
}

export async function managesProject(userId: string, projectId: string) {
  const row = await ProjectMember.query().where('projectId', projectId).where('userId', userId).where('role', 'manager').first()
  return row !== null
}
