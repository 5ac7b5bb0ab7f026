/**
 * The expense workflow, one transaction per action (the request's): submit,
 * change while submitted, approve, reject, delete until invoiced. Every
 * change is audited; whenever an approved expense appears, changes or goes,
 * the project's budget is re-checked after commit (approved expenses count
 * towards its spend, at cost).
 */
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import drive from '@adonisjs/drive/services/main'
import { agencySettings } from '#core/public/agency'
import { recordAudit } from '#core/public/audit'
import { ConflictException, fieldError } from '#core/public/errors'
import { tenancy } from '#core/public/tenancy'
import type { StaffIdentity } from '#core/public/users'
import { checkProjectBudget } from '#projects/public/budget'
import { isAssigned, timeTarget, type TimeTarget } from '#projects/public/time_targets'
import Expense from '#billing/models/expense'
import { percentToBasisPoints } from '#billing/rules/money'

export interface ExpenseInput {
  projectId: string
  date: string
  /** Minor units of the project's currency. */
  amount: number
  category: string
  description?: string
  billable?: boolean
  /** Percent as typed (15, 12.5). */
  markupPercent?: number
  receipt?: MultipartFile
}

export interface ExpenseChanges extends Partial<ExpenseInput> {
  removeReceipt?: boolean
}

const AUDITED = [
  'projectId',
  'spentOn',
  'amountCents',
  'currency',
  'category',
  'description',
  'billable',
  'markupBasisPoints',
  'receiptName',
  'status',
  'decidedByUserId',
  'invoiceId',
] as const

function snapshot(expense: Expense) {
  return Object.fromEntries(AUDITED.map((key) => [key, key === 'amountCents' ? Number(expense[key]) : expense[key]]))
}

/** A project the person may put an expense on: visible to them, not completed, and theirs (the owner: any). */
async function expenseProject(user: StaffIdentity, projectId: string): Promise<TimeTarget> {
  const project = await timeTarget(projectId)
  if (!project) fieldError('projectId', 'Choose a project you work on', 'exists')
  if (user.role !== 'owner' && !(await isAssigned(projectId, user.id))) {
    fieldError('projectId', 'You can record expenses only on projects you are assigned to', 'assigned')
  }
  if (project.status === 'completed') fieldError('projectId', 'This project is completed: it takes no more expenses', 'status')
  return project
}

async function checkDate(date: string) {
  const { timezone } = await agencySettings(tenancy.agencyId())
  const today = DateTime.now().setZone(timezone).toISODate()!
  if (date > today) fieldError('date', 'An expense cannot be dated in the future', 'before')
}

/**
 * Stores the receipt privately under the agency's folder and ties the file
 * to the transaction: a rollback removes the new file, a commit removes the
 * file it replaced.
 */
async function storeReceipt(expense: Expense, receipt: MultipartFile) {
  const key = `receipts/${expense.agencyId}/${expense.id}/${randomUUID()}.${receipt.extname ?? 'bin'}`
  await receipt.moveToDisk(key)
  const trx = tenancy.client()
  trx.after('rollback', () => drive.use().delete(key).catch(() => {}))
  const replaced = expense.receiptPath
  if (replaced) trx.after('commit', () => drive.use().delete(replaced).catch(() => {}))
  expense.receiptPath = key
  expense.receiptName = receipt.clientName.slice(0, 255)
}

function dropReceiptAfterCommit(path: string | null) {
  if (path) tenancy.client().after('commit', () => drive.use().delete(path).catch(() => {}))
}

function assertNotInvoiced(expense: Expense, what: string) {
  if (expense.invoiceId) throw new ConflictException(`This expense is on an invoice: it cannot be ${what} (void the invoice first)`)
}

export class SubmitExpense {
  async handle(user: StaffIdentity, input: ExpenseInput): Promise<Expense> {
    const project = await expenseProject(user, input.projectId)
    await checkDate(input.date)
    const expense = new Expense()
    expense.fill({
      id: randomUUID(),
      agencyId: tenancy.agencyId(),
      projectId: project.projectId,
      userId: user.id,
      spentOn: input.date,
      amountCents: input.amount,
      currency: project.currency,
      category: input.category,
      description: input.description ?? '',
      billable: input.billable ?? project.billableByDefault,
      markupBasisPoints: input.markupPercent === undefined ? 0 : percentToBasisPoints(input.markupPercent),
      status: 'submitted',
      decidedByUserId: null,
      invoiceId: null,
      receiptPath: null,
      receiptName: null,
    })
    if (input.receipt) await storeReceipt(expense, input.receipt)
    await expense.save()
    await recordAudit({ entityType: 'expense', entityId: expense.id, action: 'submitted', after: snapshot(expense) })
    return expense
  }
}

export class UpdateExpense {
  async handle(user: StaffIdentity, expense: Expense, changes: ExpenseChanges): Promise<Expense> {
    assertNotInvoiced(expense, 'changed')
    if (expense.status !== 'submitted') {
      throw new ConflictException(`This expense is ${expense.status}: only a submitted expense can be changed`)
    }
    const before = snapshot(expense)
    if (changes.projectId !== undefined && changes.projectId !== expense.projectId) {
      const project = await expenseProject(user, changes.projectId)
      expense.projectId = project.projectId
      expense.currency = project.currency
    }
    if (changes.date !== undefined) {
      await checkDate(changes.date)
      expense.spentOn = changes.date
    }
    if (changes.amount !== undefined) expense.amountCents = changes.amount
    if (changes.category !== undefined) expense.category = changes.category
    if (changes.description !== undefined) expense.description = changes.description
    if (changes.billable !== undefined) expense.billable = changes.billable
    if (changes.markupPercent !== undefined) expense.markupBasisPoints = percentToBasisPoints(changes.markupPercent)
    if (changes.receipt) {
      await storeReceipt(expense, changes.receipt)
    } else if (changes.removeReceipt && expense.receiptPath) {
      dropReceiptAfterCommit(expense.receiptPath)
      expense.receiptPath = null
      expense.receiptName = null
    }
    await expense.save()
    await recordAudit({ entityType: 'expense', entityId: expense.id, action: 'updated', before, after: snapshot(expense) })
    return expense
  }
}

export class ApproveExpense {
  async handle(user: StaffIdentity, expense: Expense): Promise<Expense> {
    assertNotInvoiced(expense, 'approved again')
    if (expense.status === 'approved') throw new ConflictException('This expense is already approved')
    const before = snapshot(expense)
    expense.status = 'approved'
    expense.decidedByUserId = user.id
    await expense.save()
    await recordAudit({ entityType: 'expense', entityId: expense.id, action: 'approved', before, after: snapshot(expense) })
    await checkProjectBudget(expense.projectId)
    return expense
  }
}

export class RejectExpense {
  async handle(user: StaffIdentity, expense: Expense, reason?: string): Promise<Expense> {
    assertNotInvoiced(expense, 'rejected')
    if (expense.status === 'rejected') throw new ConflictException('This expense is already rejected')
    const wasApproved = expense.status === 'approved'
    const before = snapshot(expense)
    expense.status = 'rejected'
    expense.decidedByUserId = user.id
    await expense.save()
    await recordAudit({ entityType: 'expense', entityId: expense.id, action: 'rejected', before, after: { ...snapshot(expense), reason: reason || null } })
    if (wasApproved) await checkProjectBudget(expense.projectId)
    return expense
  }
}

export class DeleteExpense {
  async handle(expense: Expense): Promise<void> {
    assertNotInvoiced(expense, 'deleted')
    const before = snapshot(expense)
    const { id, projectId, status, receiptPath } = expense
    await expense.delete()
    dropReceiptAfterCommit(receiptPath)
    await recordAudit({ entityType: 'expense', entityId: id, action: 'deleted', before })
    if (status === 'approved') await checkProjectBudget(projectId)
  }
}
