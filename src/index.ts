/**
 * The action's entry. The runner starts dist/index.js for the main step and dist/post.js (two lines that
 * import this bundle) for the post: step: which file it started decides the role, never saved state, so a
 * main step killed before it saved anything can never be mistaken for the post step.
 */
import { basename } from 'node:path'
import { run, runPost } from './main.js'

void (basename(process.argv[1] ?? '') === 'post.js' ? runPost() : run())
