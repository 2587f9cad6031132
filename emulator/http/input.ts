import type { StringMap } from '../control-plane/types.js'
import { badRequest } from './errors.js'

// Small readers for JSON request bodies: the SDK validates little client-side, so the emulator must.
export type Body = Record<string, unknown>

export function optionalString(body: Body, key: string): string | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw badRequest(`Invalid value for '${key}': expected a string`)
  return value
}

export function requiredString(body: Body, key: string): string {
  const value = optionalString(body, key)
  if (value === undefined || value === '') throw badRequest(`'${key}' is required`)
  return value
}

export function optionalBoolean(body: Body, key: string): boolean | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') throw badRequest(`Invalid value for '${key}': expected a boolean`)
  return value
}

export function optionalNumber(body: Body, key: string): number | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw badRequest(`Invalid value for '${key}': expected a number`)
  }
  return value
}

export function optionalStringMap(body: Body, key: string): StringMap | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest(`Invalid value for '${key}': expected a map`)
  }
  const out: StringMap = {}
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw badRequest(`Invalid value for '${key}.${k}': expected a string`)
    out[k] = v
  }
  return out
}

export function optionalObject(body: Body, key: string): Body | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest(`Invalid value for '${key}': expected an object`)
  }
  return value as Body
}

export function optionalStringList(body: Body, key: string): string[] | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
    throw badRequest(`Invalid value for '${key}': expected a list of strings`)
  }
  return value as string[]
}

/** Drops undefined fields so responses omit absent members, as AWS does. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
