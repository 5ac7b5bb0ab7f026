import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'
import Expense from '#billing/models/expense'

/**
 * The expense the caller sees (RLS); unseen — another agency's, or someone
 * else's for a member — is a 404.
 */
export async function findExpense(id: string): Promise<Expense> {
  return Expense.query().where('id', id).firstOrFail()
}

/**
 * Once the policy allows the change: the same expense read again and locked
 * for the rest of the transaction, so an invoice generated meanwhile waits
 * for us (or we for it) and the state checks see the latest row. (`for
 * update` applies the UPDATE policies, which is why the policy asks first:
 * a member's own decided expense is a 403 with a reason, not a 404.)
 */
export async function lockExpense(expense: Expense): Promise<Expense> {
  const locked = await Expense.query().where('id', expense.id).forUpdate().first()
  // A member withdrawing their own rejected expense passes no UPDATE policy, so it cannot be
  // locked; nothing else changes a rejected expense's billing, so the row read is enough.
  return locked ?? expense
}

const INLINE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'])

/** Streams the receipt privately: never cached by shared caches, no script can run in it. */
export async function sendReceipt({ response }: HttpContext, expense: Expense) {
  if (!expense.receiptPath) return response.notFound({ errors: [{ message: 'This expense has no receipt' }] })
  const disk = drive.use()
  const { contentType } = await disk.getMetaData(expense.receiptPath)
  const type = contentType ?? 'application/octet-stream'
  const name = (expense.receiptName ?? 'receipt').replace(/[^\w.\- ]+/g, '_')
  response.header('content-type', type)
  response.header('content-disposition', `${INLINE.has(type) ? 'inline' : 'attachment'}; filename="${name}"`)
  response.header('cache-control', 'private, no-store')
  response.header('x-content-type-options', 'nosniff')
  response.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
  return response.stream(await disk.getStream(expense.receiptPath))
}
