import { BaseSchema } from '@adonisjs/lucid/schema'

/** A project's service type ("Web design", "SEO"…): free text, for profitability by service type. */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(
      'alter table projects add column service_type text check (service_type is null or length(service_type) between 1 and 80)'
    )
  }

  async down() {
    this.schema.raw('alter table projects drop column service_type')
  }
}
