/**
 * The tenant transaction, for other modules: `tenancy.client()` for query
 * builders that bypass models, `withTenant()` for jobs and commands.
 */
export { tenancy, withTenant, type TenantScope, type ContextRole } from '#core/tenancy/tenant_context'
