import type { ApplicationService } from '@adonisjs/core/types'
import pg from 'pg'

export default class TenancyProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    // int8 (counts, sums of seconds and minor units) as numbers; dates stay 'YYYY-MM-DD' strings.
    pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10))
    pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value)

    const { BaseModel } = await import('@adonisjs/lucid/orm')
    const db = await this.app.container.make('lucid.db')
    const { TenantAwareAdapter } = await import('#core/tenancy/tenant_aware_adapter')
    BaseModel.useAdapter(new TenantAwareAdapter(db))
  }
}
