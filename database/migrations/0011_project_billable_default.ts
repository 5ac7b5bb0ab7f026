import { BaseSchema } from '@adonisjs/lucid/schema'

/** Whether time logged on a project is billable unless the person says otherwise (internal work is not). */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('alter table projects add column billable_by_default boolean not null default true')
  }

  async down() {
    this.schema.raw('alter table projects drop column billable_by_default')
  }
}
