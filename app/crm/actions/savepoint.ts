import { tenancy } from '#core/public/tenancy'

/**
 * Runs `work` so that, if it throws, none of its writes survive, whatever the
 * caller does next. The request transaction alone is not enough: a page
 * request that fails with a field error answers with a redirect, and the
 * request transaction then commits.
 */
export async function allOrNothing<T>(name: string, work: () => Promise<T>): Promise<T> {
  const trx = tenancy.client()
  await trx.rawQuery(`savepoint ${name}`)
  try {
    const result = await work()
    await trx.rawQuery(`release savepoint ${name}`)
    return result
  } catch (error) {
    await trx.rawQuery(`rollback to savepoint ${name}`)
    throw error
  }
}
