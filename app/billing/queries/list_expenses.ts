import type { StaffIdentity } from '#core/public/users'
import { listStaff } from '#core/public/users'
import { billingProjects } from '#projects/public/billing_targets'
import { loggableProjects, managedProjectIds, projectNames } from '#projects/public/time_targets'
import Expense from '#billing/models/expense'
import { toExpenseDto, type ExpenseDto } from '#billing/dtos/expense'

export interface ExpenseFilters {
  status?: 'submitted' | 'approved' | 'rejected'
  projectId?: string
  mine?: boolean
  page?: number
  perPage?: number
}

/** Where a receipt is read back: the API for tokens, the page route for sessions. */
export type ReceiptUrl = (expenseId: string) => string
export const apiReceiptUrl: ReceiptUrl = (id) => `/api/expenses/${id}/receipt`
export const pageReceiptUrl: ReceiptUrl = (id) => `/expenses/${id}/receipt`

/** What the caller may do with each expense (the same rules as ExpensePolicy, decided once for a list). */
async function permissions(user: StaffIdentity) {
  const managed = new Set(user.role === 'manager' ? await managedProjectIds(user.id) : [])
  return (expense: Expense): ExpenseDto['can'] => {
    const approves = user.role === 'owner' || managed.has(expense.projectId)
    const own = expense.userId === user.id
    const open = expense.invoiceId === null
    return {
      update: open && expense.status === 'submitted' && (approves || own),
      delete: open && (approves || (own && expense.status !== 'approved')),
      decide: open && approves && (!own || user.role === 'owner'),
    }
  }
}

export async function expenseDtos(user: StaffIdentity, expenses: Expense[], receiptUrl: ReceiptUrl): Promise<ExpenseDto[]> {
  const names = await projectNames(expenses.map((expense) => expense.projectId))
  const people = new Map((await listStaff()).map((person) => [person.id, person.name]))
  const can = await permissions(user)
  return expenses.map((expense) =>
    toExpenseDto(expense, {
      projectName: names.get(expense.projectId)?.name ?? null,
      userName: people.get(expense.userId) ?? null,
      can: can(expense),
      receiptUrl,
    })
  )
}

/** A page of the expenses the caller sees (RLS: own, managed projects', or all for the owner), newest first. */
export async function listExpenses(user: StaffIdentity, filters: ExpenseFilters, receiptUrl: ReceiptUrl = apiReceiptUrl) {
  const page = filters.page ?? 1
  const perPage = filters.perPage ?? 50
  const query = Expense.query().orderBy('spentOn', 'desc').orderBy('createdAt', 'desc')
  if (filters.status) query.where('status', filters.status)
  if (filters.projectId) query.where('projectId', filters.projectId)
  if (filters.mine) query.where('userId', user.id)
  const result = await query.paginate(page, perPage)
  return { expenses: await expenseDtos(user, result.all(), receiptUrl), total: result.total, page, perPage }
}

export interface ExpenseProjectOption {
  id: string
  name: string
  currency: string
  billableByDefault: boolean
}

/** Projects the caller may put an expense on: the owner any open project, anyone else those they are on. */
export async function expenseProjectOptions(user: StaffIdentity): Promise<ExpenseProjectOption[]> {
  if (user.role === 'owner') {
    const projects = await billingProjects({})
    const assigned = new Map((await loggableProjects(user.id)).map((project) => [project.projectId, project.billableByDefault]))
    return projects
      .filter((project) => project.status !== 'completed')
      .map((project) => ({ id: project.projectId, name: project.name, currency: project.currency, billableByDefault: assigned.get(project.projectId) ?? true }))
  }
  return (await loggableProjects(user.id)).map((project) => ({
    id: project.projectId,
    name: project.name,
    currency: project.currency,
    billableByDefault: project.billableByDefault,
  }))
}
