/*
| One database transaction per request (or job), holding the tenant context
| that Row Level Security reads: app.agency_id, app.user_id, app.role. The
| transaction lives in AsyncLocalStorage so ordinary Lucid queries join it
| (see tenant_aware_adapter.ts) without passing a client around.
*/
import { AsyncLocalStorage } from 'node:async_hooks'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** `system` is trusted server code acting for an agency: sign-up, invitation accept, jobs. */
export type ContextRole = 'owner' | 'manager' | 'member' | 'client' | 'system'

export interface TenantIdentity {
  agencyId: string | null
  userId: string | null
  role: ContextRole | null
  /** A client contact signed in to the portal (role `client`): their company and themselves. */
  clientId?: string | null
  contactId?: string | null
}

export interface TenantScope extends TenantIdentity {
  trx: TransactionClientContract
  /** Set when the request's work threw, even if the error became a redirect: nothing may commit. */
  failed?: boolean
}

const storage = new AsyncLocalStorage<TenantScope>()

export const RUNTIME_CONNECTION = 'app'

async function applyIdentity(trx: TransactionClientContract, identity: TenantIdentity) {
  await trx.rawQuery(
    `select set_config('app.agency_id', ?, true), set_config('app.user_id', ?, true), set_config('app.role', ?, true),
            set_config('app.client_id', ?, true), set_config('app.contact_id', ?, true)`,
    [identity.agencyId ?? '', identity.userId ?? '', identity.role ?? '', identity.clientId ?? '', identity.contactId ?? '']
  )
}

export const tenancy = {
  current(): TenantScope | undefined {
    return storage.getStore()
  },

  /** The current transaction, for query builders that do not go through a model. */
  client(): TransactionClientContract {
    const scope = storage.getStore()
    if (!scope) throw new Error('No tenant transaction: wrap the work in tenancy.run() / withTenant()')
    return scope.trx
  },

  /**
   * Runs `work` in a new transaction with the given identity (none: sees no
   * tenant rows). Commits when it resolves, rolls back when it throws.
   */
  async run<T>(work: (scope: TenantScope) => Promise<T>, identity?: Partial<TenantIdentity>): Promise<T> {
    const trx = await db.connection(RUNTIME_CONNECTION).transaction()
    const scope: TenantScope = {
      trx,
      agencyId: identity?.agencyId ?? null,
      userId: identity?.userId ?? null,
      role: identity?.role ?? null,
    }
    try {
      // A fresh transaction has no context (an earlier one's settings read as '' and fail closed).
      if (scope.agencyId || scope.userId || scope.role) await applyIdentity(trx, scope)
      const result = await storage.run(scope, () => work(scope))
      if (!trx.isCompleted) await trx.commit()
      return result
    } catch (error) {
      if (!trx.isCompleted) await trx.rollback()
      throw error
    }
  },

  /** Records an identity that SQL already applied with set_config (saves a roundtrip). */
  adopt(identity: TenantIdentity) {
    const scope = tenancy.current()
    if (!scope) throw new Error('tenancy.adopt() called outside a tenant transaction')
    Object.assign(scope, identity)
  },

  /** The exception handler calls this: the work failed, whatever status the answer gets. */
  markFailed() {
    const scope = storage.getStore()
    if (scope) scope.failed = true
  },

  /** The agency the current transaction works for; new tenant rows take it. */
  agencyId(): string {
    const agencyId = storage.getStore()?.agencyId
    if (!agencyId) throw new Error('No agency in the tenant context')
    return agencyId
  },

  /** Switches the current transaction to another identity (e.g. once a login is resolved). */
  async enter(identity: TenantIdentity) {
    const scope = tenancy.current()
    if (!scope) throw new Error('tenancy.enter() called outside a tenant transaction')
    Object.assign(scope, { clientId: null, contactId: null }, identity)
    await applyIdentity(scope.trx, identity)
  },

  /**
   * Runs `work` as trusted server code of the current agency (role `system`)
   * in the same transaction, then restores the caller's identity — for a
   * step a portal contact may cause but not do themselves (their feedback
   * becomes a task for the team).
   */
  async asSystem<T>(work: () => Promise<T>): Promise<T> {
    const scope = tenancy.current()
    if (!scope?.agencyId) throw new Error('tenancy.asSystem() needs an agency in the tenant context')
    const caller: TenantIdentity = { agencyId: scope.agencyId, userId: scope.userId, role: scope.role, clientId: scope.clientId, contactId: scope.contactId }
    await tenancy.enter({ agencyId: scope.agencyId, userId: null, role: 'system' })
    try {
      return await work()
    } finally {
      if (!scope.trx.isCompleted) await tenancy.enter(caller)
    }
  },
}

/** Work on behalf of one agency outside a request: jobs, commands, seeders. */
export function withTenant<T>(agencyId: string, work: (scope: TenantScope) => Promise<T>, role: ContextRole = 'system') {
  return tenancy.run(work, { agencyId, role, userId: null })
}
