/**
 * `npm run demo`: the main job with no AWS account. Starts the local API Gateway emulator, creates a small
 * REST API, then runs the bundled action (dist/index.js) as the GitHub runner would:
 *   1. deploy to a new `test` stage;
 *   2. deploy to `prod`, then release a change to it as a canary (10% -> 50%) with health checks, judged on
 *      its CloudWatch metrics against the base (the emulator publishes what it serves), promoted.
 * and prints each run's log, outputs and job summary.
 */
import { startEmulator } from '../emulator/index.js'
import { createSampleApi } from '../emulator/index.js'
import { runAction, unescapeCommandData, type ActionRun } from '../__tests__/e2e/run-action.js'

const region = 'us-east-1'
const emulator = await startEmulator({ region, quotas: { createDeploymentIntervalMs: 0 } })
try {
  console.log(`Local API Gateway emulator on ${emulator.url}`)
  const { restApiId } = await createSampleApi({ endpoint: emulator.url, region, name: 'pets-demo' })
  console.log(`Created sample REST API ${restApiId} (GET /health, GET /hello)`)
  const common = { 'rest-api-id': restApiId, 'aws-region': region, 'endpoint-url': emulator.url }

  show(
    '1. Deploy to a new stage "test"',
    await runAction({ ...common, 'stage-name': 'test', 'stage-variables': 'greeting=hello-from-test' })
  )
  show(
    '2. Deploy to "prod"',
    await runAction({ ...common, 'stage-name': 'prod', 'stage-variables': 'greeting=hello' })
  )
  const canary = show(
    '3. Release to "prod" as a canary: 10% -> 50% -> promoted, judged on its metrics against the base',
    await runAction({
      ...common,
      'stage-name': 'prod',
      'stage-variables': 'greeting=hello-from-the-new-release',
      'canary-percent': '10',
      'canary-steps': '50',
      'bake-time': '2',
      'health-check-interval': '1',
      'health-check-path': '/health',
      'health-check-body-contains': '"status":"ok"',
      // The probes are the traffic here: the emulator publishes what it serves as CloudWatch metrics.
      'canary-analysis': 'true',
      'analysis-metrics': '5XXError',
      'min-canary-requests': '20',
      'metrics-enabled': 'true'
    })
  )
  const hello = await fetch(`${canary.outputs['invoke-url']}/hello`)
  console.log(`\nGET ${canary.outputs['invoke-url']}/hello -> ${hello.status} ${await hello.text()}`)
} catch (error) {
  console.error(`\nDemo failed: ${(error as Error).message}`)
  process.exitCode = 1
} finally {
  await emulator.stop()
}

/** Prints one run; stops the demo if it failed. */
function show(title: string, run: ActionRun): ActionRun {
  console.log(`\n=== ${title} (exit code ${run.code})`)
  const log = run.stdout
    .split('\n')
    .filter(line => line && !line.startsWith('::debug::') && !line.startsWith('::endgroup::'))
    .map(line => unescapeCommandData(line.replace(/^::group::/, '▶ ')))
  console.log(log.map(line => `  ${line}`).join('\n'))
  console.log('  outputs:')
  for (const [name, value] of Object.entries(run.outputs)) console.log(`    ${name} = ${value}`)
  console.log('  job summary (markdown/HTML):')
  console.log(
    run.summary
      .replace(/<\/(tr|h3|h4)>/g, '\n')
      .replace(/<\/t[dh]>/g, ' | ')
      .replace(/<[^>]+>/g, '')
      .split('\n')
      .filter(Boolean)
      .map(line => `    ${line}`)
      .join('\n')
  )
  if (run.code !== 0) throw new Error(`step "${title}" exited with ${run.code}`)
  return run
}
