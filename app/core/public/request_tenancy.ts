/** A request in one tenant transaction, for modules with an identity of their own (the portal). */
export { runInTenantTransaction } from '#core/middleware/tenant_context_middleware'
