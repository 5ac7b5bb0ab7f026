import { Adapter } from '@adonisjs/lucid/orm'
import type { LucidModel, ModelAdapterOptions } from '@adonisjs/lucid/types/model'
import { tenancy } from './tenant_context.js'

/**
 * Hands every model query the current tenant transaction, unless the caller
 * passed a client or asked for a different connection explicitly.
 */
export class TenantAwareAdapter extends Adapter {
  modelConstructorClient(model: LucidModel, options?: ModelAdapterOptions) {
    if (options?.client) return options.client
    const scope = tenancy.current()
    const connection = options?.connection ?? model.connection
    if (scope && (!connection || connection === scope.trx.connectionName)) return scope.trx
    return super.modelConstructorClient(model, options)
  }
}
