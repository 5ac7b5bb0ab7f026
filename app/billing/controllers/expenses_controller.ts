import type { HttpContext } from '@adonisjs/core/http'
import { flashingConflicts } from '#core/public/http'
import { DateTime } from 'luxon'
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import { ApproveExpense, DeleteExpense, RejectExpense, SubmitExpense, UpdateExpense } from '#billing/actions/expenses'
import { findExpense, lockExpense, sendReceipt } from '#billing/controllers/expense_access'
import ExpensePolicy from '#billing/policies/expense_policy'
import { expenseProjectOptions, listExpenses, pageReceiptUrl } from '#billing/queries/list_expenses'
import { createExpenseValidator, expenseFiltersValidator, rejectExpenseValidator, updateExpenseValidator } from '#billing/validators/expense'


/** The expenses page: the list the caller sees, the form to submit one, decisions for approvers. */
export default class ExpensesController {
  async index({ request, inertia, auth }: HttpContext) {
    const user = auth.user!
    const filters = await expenseFiltersValidator.validate(request.qs())
    return inertia.render('billing/expenses/index', {
      ...(await listExpenses(user, filters, pageReceiptUrl)),
      filters: { status: filters.status ?? null, projectId: filters.projectId ?? null },
      projects: await expenseProjectOptions(user),
      today: DateTime.now().setZone((await agencySettings(tenancy.agencyId())).timezone).toISODate(),
      categories: ['Travel', 'Software', 'Hardware', 'Subcontractor', 'Stock media', 'Printing', 'Meals', 'Other'],
    })
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createExpenseValidator)
    await new SubmitExpense().handle(ctx.auth.user!, input)
    ctx.session.flash('success', 'Expense submitted')
    return ctx.response.redirect('/expenses')
  }

  async update(ctx: HttpContext) {
    const found = await findExpense(ctx.params.id)
    await ctx.bouncer.with(ExpensePolicy).authorize('update', found)
    const expense = await lockExpense(found)
    const changes = await ctx.request.validateUsing(updateExpenseValidator)
    return flashingConflicts(ctx, async () => {
      await new UpdateExpense().handle(ctx.auth.user!, expense, changes)
      ctx.session.flash('success', 'Expense saved')
      return ctx.response.redirect().back()
    })
  }

  async destroy(ctx: HttpContext) {
    const found = await findExpense(ctx.params.id)
    await ctx.bouncer.with(ExpensePolicy).authorize('delete', found)
    const expense = await lockExpense(found)
    return flashingConflicts(ctx, async () => {
      await new DeleteExpense().handle(expense)
      ctx.session.flash('success', 'Expense deleted')
      return ctx.response.redirect().back()
    })
  }

  async approve(ctx: HttpContext) {
    const found = await findExpense(ctx.params.id)
    await ctx.bouncer.with(ExpensePolicy).authorize('decide', found)
    const expense = await lockExpense(found)
    return flashingConflicts(ctx, async () => {
      await new ApproveExpense().handle(ctx.auth.user!, expense)
      ctx.session.flash('success', 'Expense approved')
      return ctx.response.redirect().back()
    })
  }

  async reject(ctx: HttpContext) {
    const found = await findExpense(ctx.params.id)
    await ctx.bouncer.with(ExpensePolicy).authorize('decide', found)
    const expense = await lockExpense(found)
    const { reason } = await ctx.request.validateUsing(rejectExpenseValidator)
    return flashingConflicts(ctx, async () => {
      await new RejectExpense().handle(ctx.auth.user!, expense, reason)
      ctx.session.flash('success', 'Expense rejected')
      return ctx.response.redirect().back()
    })
  }

  async receipt(ctx: HttpContext) {
    return sendReceipt(ctx, await findExpense(ctx.params.id))
  }
}
