/** Every auditable write calls this inside its transaction. */
export { recordAudit, type AuditEntry } from '#core/audit/audit_trail'
