/*
| Development mailbox: with no SMTP server configured, sent mail is kept in
| Redis (newest first, last 100) and shown at /dev/mail. Never in production.
*/
import { randomUUID } from 'node:crypto'
import nodemailer from 'nodemailer'
import redis from '@adonisjs/redis/services/main'
import { MailResponse } from '@adonisjs/mail'
import type { MailTransportContract, NodeMailerMessage } from '@adonisjs/mail/types'

const KEY = 'throughline:dev-mailbox'
const KEEP = 100

export interface StoredMail {
  id: string
  from: string
  to: string[]
  subject: string
  html: string | null
  text: string | null
  createdAt: string
}

function addresses(value: unknown): string[] {
  if (!value) return []
  const list = Array.isArray(value) ? value : [value]
  return list.map((entry) => (typeof entry === 'string' ? entry : (entry as { address: string }).address))
}

export class DevMailboxTransport implements MailTransportContract {
  async send(message: NodeMailerMessage) {
    const id = randomUUID()
    const stored: StoredMail = {
      id,
      from: addresses(message.from)[0] ?? '',
      to: addresses(message.to),
      subject: String(message.subject ?? ''),
      html: typeof message.html === 'string' ? message.html : null,
      text: typeof message.text === 'string' ? message.text : null,
      createdAt: new Date().toISOString(),
    }
    await redis.multi().lpush(KEY, JSON.stringify(stored)).ltrim(KEY, 0, KEEP - 1).exec()
    // Let nodemailer build the envelope the same way a real transport would.
    const info = await nodemailer.createTransport({ jsonTransport: true }).sendMail(message)
    return new MailResponse(id, info.envelope, stored)
  }
}

export async function listDevMail(): Promise<StoredMail[]> {
  const rows = await redis.lrange(KEY, 0, KEEP - 1)
  return rows.map((row) => JSON.parse(row) as StoredMail)
}
