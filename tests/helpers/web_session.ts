import type { ApiClient } from '@japa/api-client'

export interface InertiaPage {
  component: string
  url: string
  props: Record<string, any>
}

/** The Inertia page object embedded in server-rendered HTML. */
export function pageOf(html: string): InertiaPage {
  const match = html.match(/data-page="([^"]*)"/)
  if (!match) throw new Error('No Inertia page in the response')
  const json = match[1]
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
  return JSON.parse(json)
}

/**
 * A browser-like session for functional tests: keeps cookies between
 * requests and sends the XSRF token the way Inertia's client does.
 */
export class WebSession {
  #cookies = new Map<string, string>()

  constructor(private client: ApiClient) {}

  get cookieHeader() {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  /** Replaces this session's cookies with another's (to replay an old session). */
  copyFrom(other: WebSession) {
    this.#cookies = new Map(other.#cookies)
    return this
  }

  #remember(setCookie: string | string[] | undefined) {
    for (const line of [setCookie ?? []].flat()) {
      const [pair, ...attributes] = line.split(';')
      const index = pair.indexOf('=')
      const name = pair.slice(0, index).trim()
      const value = pair.slice(index + 1).trim()
      const expired = attributes.some((a) => /max-age=0\b/i.test(a) || /expires=thu, 01 jan 1970/i.test(a))
      if (expired || value === '') this.#cookies.delete(name)
      else this.#cookies.set(name, value)
    }
  }

  async get(url: string) {
    const response = await this.client.get(url).header('cookie', this.cookieHeader).redirects(0)
    this.#remember(response.headers()['set-cookie'])
    return response
  }

  async page(url: string) {
    const response = await this.get(url)
    if (response.status() !== 200) throw new Error(`GET ${url} answered ${response.status()}`)
    return pageOf(response.text())
  }

  /** `from` is the page the form was on: a redirect back returns there. */
  async send(method: 'post' | 'put' | 'patch' | 'delete', url: string, body: Record<string, unknown> = {}, from?: string) {
    if (!this.#cookies.has('XSRF-TOKEN')) await this.get('/login')
    const request = this.client[method](url)
    if (from) request.header('referer', from)
    const response = await request
      .header('cookie', this.cookieHeader)
      .header('x-xsrf-token', decodeURIComponent(this.#cookies.get('XSRF-TOKEN') ?? ''))
      .json(body)
      .redirects(0)
    this.#remember(response.headers()['set-cookie'])
    return response
  }

  post(url: string, body?: Record<string, unknown>) {
    return this.send('post', url, body)
  }

  put(url: string, body?: Record<string, unknown>, from?: string) {
    return this.send('put', url, body, from)
  }

  patch(url: string, body?: Record<string, unknown>) {
    return this.send('patch', url, body)
  }

  delete(url: string) {
    return this.send('delete', url)
  }

  async login(email: string, password: string) {
    const response = await this.post('/login', { email, password })
    if (response.header('location') !== '/dashboard') throw new Error(`login failed for ${email}`)
    return this
  }
}
