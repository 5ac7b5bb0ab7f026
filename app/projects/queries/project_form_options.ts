import { listStaff } from '#core/public/users'
import { activeClientOptions } from '#crm/public/clients'

/** Choices for the project forms. */
export async function projectFormOptions() {
  const clients = await activeClientOptions()
  const staff = await listStaff({ activeOnly: true })
  return {
    clients: clients.map((client) => ({ value: client.id, label: client.companyName })),
    managers: staff.filter((user) => user.role !== 'member').map((user) => ({ value: user.id, label: user.name })),
    staff: staff.map((user) => ({ value: user.id, label: user.name, role: user.role })),
  }
}
