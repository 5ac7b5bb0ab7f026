/** Ids are UUIDs: a check other modules share before a value reaches a uuid column. */
export { isUuid } from '#core/security/uuid'
