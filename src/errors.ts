/**
 * One error type for failures the user can act on. `run()` prints its message (no stack trace);
 * anything else is unexpected and keeps its stack in the debug log.
 */
export class ActionError extends Error {
  /** The AWS operation that failed, when there was one (e.g. "CreateDeployment"). */
  readonly operation?: string
  /** AWS's error code (e.g. "NotFoundException"), when there was one. */
  readonly code?: string

  constructor(message: string, options: { operation?: string; code?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.name = 'ActionError'
    this.operation = options.operation
    this.code = options.code
  }
}

/** Invalid inputs, all of them at once, found before any AWS call. */
export class InputError extends ActionError {
  readonly problems: string[]

  constructor(problems: string[]) {
    super(
      problems.length === 1
        ? problems[0]
        : `${problems.length} inputs are invalid:\n${problems.map(p => `  - ${p}`).join('\n')}`
    )
    this.name = 'InputError'
    this.problems = problems
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
