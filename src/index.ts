/**
 * The action's entry. The runner starts dist/index.js for the main step and dist/post.js (two lines that
 * import this bundle) for the post: step: which file it started decides the role, never saved state, so a
 * main step killed before it saved anything can never be mistaken for the post step.
 */
import { basename } from 'node:path'
import { run, runPost } from './main.js'

const step = basename(process.argv[1] ?? '') === 'post.js' ? runPost() : run()
// Exit as soon as the work is done and stdout has flushed, with the exit code the step set. Left to drain on
// its own, node tears down after removing its signal handlers, and a SIGTERM in that window (a cancellation
// just as the step finished) killed a finished step: the fault campaign saw it twice in 1,000 runs. A failure
// of run() itself stays an unhandled rejection, as before.
void step.then(() => process.stdout.write('', () => process.exit()))
