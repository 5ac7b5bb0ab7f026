import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type { StaffIdentity } from '#core/public/users'
import { runsProject } from '#projects/public/project_workspace'

/**
 * Deliverables are how the team talks to the client, which managers do
 * (PRODUCT.md §1): the owner and the project's managers upload them, ask for
 * approval and make share links; everyone on the project sees and downloads
 * them. Which projects anyone sees at all is RLS's job (an unseen one is a 404).
 */
export default class DeliverablePolicy extends BasePolicy {
  async manage(user: StaffIdentity, project: { id: string }): Promise<AuthorizerResponse> {
    if (await runsProject(user, project.id)) return true
    return AuthorizationResponse.deny('Only the owner and the managers of this project can share deliverables with the client', 403)
  }
}
