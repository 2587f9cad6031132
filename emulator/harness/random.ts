// Seedable PRNG (mulberry32): deterministic canary splits and ids for reproducible tests.
export class Prng {
  private state = 0

  constructor(seed: number) {
    this.reseed(seed)
  }

  reseed(seed: number): void {
    this.state = seed >>> 0
  }

  /** Uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** Lower-case alphanumeric ids, like API Gateway's (10 chars for APIs/resources, 6 for deployments). */
export class IdGenerator {
  constructor(private readonly prng: Prng) {}

  next(length: number): string {
    let id = ''
    for (let i = 0; i < length; i++) id += ALPHABET[Math.floor(this.prng.next() * ALPHABET.length)]
    return id
  }
}
