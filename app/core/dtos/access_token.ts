import type { AccessToken } from '@adonisjs/auth/access_tokens'

export interface AccessTokenDto {
  id: string
  name: string | null
  lastUsedAt: string | null
  createdAt: string
  expiresAt: string | null
}

export function toAccessTokenDto(token: AccessToken): AccessTokenDto {
  return {
    id: String(token.identifier),
    name: token.name,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
  }
}
