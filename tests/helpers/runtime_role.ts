import db from '@adonisjs/lucid/services/db'

export type SqlContext = { agencyId?: string; userId?: string; role?: string } | null

/** Runs SQL as the runtime role inside a transaction with the given context (or none), then rolls back. */
export async function asRuntimeRole<T>(context: SqlContext, work: (trx: any) => Promise<T>) {
  const trx = await db.connection('app').transaction()
  try {
    if (context) {
      await trx.rawQuery(
        `select set_config('app.agency_id', ?, true), set_config('app.user_id', ?, true), set_config('app.role', ?, true)`,
        [context.agencyId ?? '', context.userId ?? '', context.role ?? '']
      )
    }
    return await work(trx)
  } finally {
    await trx.rollback()
  }
}
