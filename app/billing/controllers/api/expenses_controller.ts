import type { HttpContext } from '@adonisjs/core/http'
import { ApproveExpense, DeleteExpense, RejectExpense, SubmitExpense, UpdateExpense } from '#billing/actions/expenses'
import { findExpense, lockExpense, sendReceipt } from '#billing/controllers/expense_access'
import ExpensePolicy from '#billing/policies/expense_policy'
import { expenseDtos, listExpenses } from '#billing/queries/list_expenses'
import { createExpenseValidator, expenseFiltersValidator, rejectExpenseValidator, updateExpenseValidator } from '#billing/validators/expense'
import type Expense from '#billing/models/expense'

/**
 * Expenses over the JSON API (bearer token; JSON, or multipart with a
 * `receipt` file). Amounts are integer minor units, markup in percent.
 */
export default class ExpensesController {
  async index({ request, auth }: HttpContext) {
    return listExpenses(auth.user!, await expenseFiltersValidator.validate(request.qs()))
  }

  async store({ request, response, auth }: HttpContext) {
    const input = await request.validateUsing(createExpenseValidator)
    const expense = await new SubmitExpense().handle(auth.user!, input)
    return response.created({ expense: await this.dto(auth.user!, expense) })
  }

  async show({ params, auth }: HttpContext) {
    return { expense: await this.dto(auth.user!, await findExpense(params.id)) }
  }

  async update({ params, request, auth, bouncer }: HttpContext) {
    const found = await findExpense(params.id)
    await bouncer.with(ExpensePolicy).authorize('update', found)
    const expense = await lockExpense(found)
    const changes = await request.validateUsing(updateExpenseValidator)
    return { expense: await this.dto(auth.user!, await new UpdateExpense().handle(auth.user!, expense, changes)) }
  }

  async destroy({ params, response, bouncer }: HttpContext) {
    const found = await findExpense(params.id)
    await bouncer.with(ExpensePolicy).authorize('delete', found)
    const expense = await lockExpense(found)
    await new DeleteExpense().handle(expense)
    return response.noContent()
  }

  async approve({ params, auth, bouncer }: HttpContext) {
    const found = await findExpense(params.id)
    await bouncer.with(ExpensePolicy).authorize('decide', found)
    const expense = await lockExpense(found)
    return { expense: await this.dto(auth.user!, await new ApproveExpense().handle(auth.user!, expense)) }
  }

  async reject({ params, request, auth, bouncer }: HttpContext) {
    const found = await findExpense(params.id)
    await bouncer.with(ExpensePolicy).authorize('decide', found)
    const expense = await lockExpense(found)
    const { reason } = await request.validateUsing(rejectExpenseValidator)
    return { expense: await this.dto(auth.user!, await new RejectExpense().handle(auth.user!, expense, reason)) }
  }

  async receipt(ctx: HttpContext) {
    return sendReceipt(ctx, await findExpense(ctx.params.id))
  }

  private async dto(user: HttpContext['auth']['user'] & {}, expense: Expense) {
    const [dto] = await expenseDtos(user, [expense], (id) => `/api/expenses/${id}/receipt`)
    return dto
  }
}
