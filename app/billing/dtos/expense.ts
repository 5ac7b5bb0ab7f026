import type Expense from '#billing/models/expense'
import { withMarkup } from '#billing/rules/money'

/** Money in minor units of `currency`; markup in percent (15, 12.5). */
export interface ExpenseDto {
  id: string
  projectId: string
  projectName: string | null
  userId: string
  userName: string | null
  date: string
  amount: number
  currency: string
  category: string
  description: string
  billable: boolean
  markupPercent: number
  /** What the client is billed: the amount with its markup, rounded half-up once. */
  billedAmount: number
  status: 'submitted' | 'approved' | 'rejected'
  decidedByUserId: string | null
  invoiceId: string | null
  receipt: { name: string; url: string } | null
  createdAt: string
  can: { update: boolean; delete: boolean; decide: boolean }
}

export function toExpenseDto(
  expense: Expense,
  context: { projectName?: string | null; userName?: string | null; can: ExpenseDto['can']; receiptUrl: (id: string) => string }
): ExpenseDto {
  const amount = Number(expense.amountCents)
  return {
    id: expense.id,
    projectId: expense.projectId,
    projectName: context.projectName ?? null,
    userId: expense.userId,
    userName: context.userName ?? null,
    date: expense.spentOn,
    amount,
    currency: expense.currency,
    category: expense.category,
    description: expense.description,
    billable: expense.billable,
    markupPercent: expense.markupBasisPoints / 100,
    billedAmount: withMarkup(amount, expense.markupBasisPoints),
    status: expense.status,
    decidedByUserId: expense.decidedByUserId,
    invoiceId: expense.invoiceId,
    receipt: expense.receiptPath ? { name: expense.receiptName ?? 'receipt', url: context.receiptUrl(expense.id) } : null,
    createdAt: expense.createdAt.toISO()!,
    can: context.can,
  }
}
