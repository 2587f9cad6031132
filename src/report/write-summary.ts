/** Appends to the job summary through @actions/core; never fails a run that did its work. */
import * as core from '@actions/core'
import { errorMessage } from '../errors.js'
import { redact } from '../secrets.js'

/** The summary file is not masked by the runner: secrets are redacted first. No file: a warning. */
export async function writeSummary(html: string): Promise<void> {
  try {
    await core.summary.addRaw(redact(html)).write()
  } catch (error) {
    core.warning(`The job summary was not written: ${errorMessage(error)}`)
  } finally {
    core.summary.emptyBuffer()
  }
}
