/** What the input tests share: the problems a read reports. */
import { InputError } from '../../../src/errors.js'

/** The problems `read` reports (every one, as readInputs collects them); fails the test when it reports none. */
export function problemsOf(read: () => unknown): string[] {
  try {
    read()
  } catch (error) {
    if (error instanceof InputError) return error.problems
    throw error
  }
  throw new Error('expected an InputError')
}
