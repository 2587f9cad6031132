/** The action's entry point (main and post step): see main.ts. */
import { run } from './main.js'

void run()
