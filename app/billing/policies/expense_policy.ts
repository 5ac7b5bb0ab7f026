import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type { StaffIdentity } from '#core/public/users'
import { managedProjectIds } from '#projects/public/time_targets'

export interface ExpenseSubject {
  userId: string
  projectId: string
  status: string
}

/**
 * Expenses: anyone on a project submits their own (the action checks the
 * assignment); the owner and the project's managers approve or reject them —
 * nobody but the owner decides their own — and change or delete any of them;
 * the person who submitted one changes it while it waits for a decision and
 * withdraws it until it is approved. Which expenses someone sees at all is
 * RLS's job (own, managed projects, or all for the owner): any other is a 404.
 */
export default class ExpensePolicy extends BasePolicy {
  async approves(user: StaffIdentity, expense: ExpenseSubject): Promise<boolean> {
    if (user.role === 'owner') return true
    if (user.role !== 'manager') return false
    return (await managedProjectIds(user.id)).includes(expense.projectId)
  }

  async decide(user: StaffIdentity, expense: ExpenseSubject): Promise<AuthorizerResponse> {
    if (!(await this.approves(user, expense))) {
      return AuthorizationResponse.deny('Only the owner and the managers of the project approve or reject its expenses', 403)
    }
    if (expense.userId === user.id && user.role !== 'owner') {
      return AuthorizationResponse.deny('You cannot approve or reject your own expense', 403)
    }
    return true
  }

  async update(user: StaffIdentity, expense: ExpenseSubject): Promise<AuthorizerResponse> {
    if (await this.approves(user, expense)) return true
    if (expense.userId === user.id && expense.status === 'submitted') return true
    return AuthorizationResponse.deny(
      expense.userId === user.id ? 'This expense has been decided: only a manager of the project changes it now' : 'You can change only your own expenses',
      403
    )
  }

  async delete(user: StaffIdentity, expense: ExpenseSubject): Promise<AuthorizerResponse> {
    if (await this.approves(user, expense)) return true
    if (expense.userId === user.id && expense.status !== 'approved') return true
    return AuthorizationResponse.deny(
      expense.userId === user.id ? 'This expense is approved: only a manager of the project deletes it now' : 'You can delete only your own expenses',
      403
    )
  }
}
