import type { BrowserContext, Locator, Page } from 'playwright'

export const origin = () => `http://${process.env.HOST}:${process.env.PORT}`

/**
 * Opens a page and waits until Vue has hydrated the server-rendered HTML:
 * typing into a form before that would be wiped, and submitting it would
 * be a plain HTML form post. (Vite compiles on demand in tests: allow time.)
 */
export async function open(context: BrowserContext, path: string) {
  const page = await context.visit(`${origin()}${path}`, { timeout: 45_000 })
  await page.waitForFunction(`document.querySelector('[data-page]')?.__vue_app__`, null, { timeout: 45_000 })
  return page
}

export const invalid = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).and(page.locator('[aria-invalid="true"]'))

/** The error message of a field marked invalid: the element its aria-describedby points to. */
export async function errorOf(page: Page, label: string) {
  await page.assertExists(invalid(page, label))
  const describedBy = await invalid(page, label).getAttribute('aria-describedby')
  return page.locator(`[id="${describedBy}"]`)
}

/** Waits for the page to leave `from`, then checks it went to `to` (a wrong turn fails at once, not on a timeout). */
export async function assertMoved(page: Page, from: string, to: string | RegExp) {
  await page.waitForURL((url) => url.pathname !== from, { timeout: 30_000 })
  if (typeof to === 'string') await page.assertPath(to)
  else if (!to.test(new URL(page.url()).pathname)) throw new Error(`Expected ${to}, landed on ${page.url()}`)
}

/** Signs in through the real form and waits for the dashboard. */
export async function signIn(context: BrowserContext, email: string, password: string) {
  const page = await open(context, '/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await assertMoved(page, '/login', '/dashboard')
  return page
}

/** Drags with real mouse events in small steps, as SortableJS needs to see a drag. */
export async function drag(page: Page, item: Locator, target: Locator, offsetY = 30) {
  const from = (await item.boundingBox())!
  const to = (await target.boundingBox())!
  const start = { x: from.x + from.width / 2, y: from.y + 15 }
  const end = { x: to.x + to.width / 2, y: to.y + offsetY }
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  for (let step = 1; step <= 20; step++) {
    await page.mouse.move(start.x + ((end.x - start.x) * step) / 20, start.y + ((end.y - start.y) * step) / 20)
    await page.waitForTimeout(20)
  }
  await page.mouse.up()
}
