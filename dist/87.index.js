export const id = 87;
export const ids = [87];
export const modules = {

/***/ 8087:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  execute: () => (/* binding */ execute)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/aws/call.ts + 3 modules
var call = __webpack_require__(6297);
// EXTERNAL MODULE: ./src/aws/proxy.ts
var proxy = __webpack_require__(1373);
;// CONCATENATED MODULE: ./src/aws/cloudwatch.ts




// DescribeAlarms takes at most 100 names a call.
const NAMES_PER_CALL = 100;
class AlarmReader {
    names;
    options;
    client;
    sdk;
    constructor(names, options) {
        this.names = names;
        this.options = options;
    }
    /** The state of each named alarm; fails with a clear error when one does not exist. */
    async states() {
        const sdk = (this.sdk ??= await __webpack_require__.e(/* import() */ 85).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19)));
        const client = (this.client ??= new sdk.CloudWatchClient({
            region: this.options.region,
            endpoint: this.options.endpointUrl,
            customUserAgent: version/* USER_AGENT */._,
            maxAttempts: 1,
            requestHandler: {
                connectionTimeout: 10_000,
                ...(0,proxy/* proxyAgents */.Hd)((0,proxy/* serviceEndpoint */.Xf)('monitoring', this.options.region, this.options.endpointUrl))
            }
        }));
        const states = new Map();
        for (let i = 0; i < this.names.length; i += NAMES_PER_CALL) {
            const AlarmNames = this.names.slice(i, i + NAMES_PER_CALL);
            const page = await (0,call/* callAws */.I)('DescribeAlarms', () => client.send(new sdk.DescribeAlarmsCommand({
                AlarmNames,
                AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
                MaxRecords: NAMES_PER_CALL
            })), {
                deadlineMs: this.options.retryDeadlineSeconds * 1000,
                context: { region: this.options.region },
                signal: this.options.signal
            });
            for (const alarm of [...(page.MetricAlarms ?? []), ...(page.CompositeAlarms ?? [])])
                if (alarm.AlarmName)
                    states.set(alarm.AlarmName, alarm.StateValue ?? 'INSUFFICIENT_DATA');
        }
        const missing = this.names.filter(name => !states.has(name));
        if (missing.length > 0)
            throw new errors/* ActionError */.lZ(`Input "alarm-names": no CloudWatch alarm named ${missing.map(n => `"${n}"`).join(', ')} in ${this.options.region}. Check the names (they are case-sensitive) and the region.`);
        return states;
    }
    /** Names of the alarms now in ALARM. */
    async firing() {
        const states = await this.states();
        return this.names.filter(name => states.get(name) === 'ALARM');
    }
    destroy() {
        this.client?.destroy();
    }
}

// EXTERNAL MODULE: ./src/aws/gateway.ts
var aws_gateway = __webpack_require__(2923);
// EXTERNAL MODULE: ./src/urls.ts
var urls = __webpack_require__(5769);
;// CONCATENATED MODULE: ./src/commands/context.ts
/**
 * What every command shares: the clients, the run's cancellation, and the REST API and stage as they were
 * when the run started. Built once by the dispatcher; handlers read only what they need.
 */


/** Finds the REST API (by id or name) and reads the stage: the first calls of every command. */
async function locate(clients, target) {
    const { gateway } = clients;
    const { stageName } = target;
    let restApiId;
    let restApiName;
    if ('id' in target.api)
        restApiId = target.api.id;
    else {
        restApiName = target.api.name;
        restApiId = await gateway.findRestApiId(restApiName);
        core/* info */.pq(`REST API "${restApiName}" is ${restApiId}.`);
    }
    // The name only labels the log and the summary; it is read beside the stage, not before it. Both are
    // awaited before a failure is thrown, so no call is still in flight when the client closes.
    const [read, named] = await Promise.allSettled([
        gateway.getStage(restApiId, stageName),
        restApiName === undefined ? gateway.restApiName(restApiId) : Promise.resolve(restApiName)
    ]);
    if (read.status === 'rejected')
        throw read.reason;
    const stage = read.value;
    const name = named.status === 'fulfilled' ? named.value : undefined;
    core/* info */.pq(stage
        ? `Stage "${stageName}" of ${name ? `"${name}" (${restApiId})` : restApiId} serves deployment ${stage.deploymentId}${stage.canarySettings ? ` and has a canary (deployment ${stage.canarySettings.deploymentId}, ${stage.canarySettings.percentTraffic ?? 0}%)` : ''}.`
        : `Stage "${stageName}" of ${name ? `"${name}" (${restApiId})` : restApiId} does not exist.`);
    return {
        ...clients,
        restApiId,
        restApiName: name,
        stageName,
        stage,
        invokeUrl: (0,urls/* invokeUrl */.U_)(restApiId, stageName, target.region, target.endpointUrl),
        connection: {
            region: target.region,
            endpointUrl: target.endpointUrl,
            retryDeadlineSeconds: target.retryDeadlineSeconds
        }
    };
}

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
;// CONCATENATED MODULE: ./src/canary/checks/alarms.ts
/** The alarm check: every round reads the named CloudWatch alarms; any in ALARM fails the step. */

function alarmCheck(alarms) {
    return {
        // A missing alarm is an input error: stop before any change.
        prepare: async () => void (await alarms.states()),
        startStep() {
            const seen = new Set();
            return {
                async round() {
                    const firing = await alarms.firing();
                    core/* info */.pq(firing.length > 0
                        ? `In ALARM: ${firing.join(', ')}.`
                        : `Alarms OK (${alarms.names.length} watched).`);
                    firing.forEach(name => seen.add(name));
                    return firing.length > 0 ? `alarm ${firing.join(', ')} in ALARM` : undefined;
                },
                report: () => ({ alarms: [...seen] })
            };
        }
    };
}

// EXTERNAL MODULE: ./src/canary/plan.ts
var plan = __webpack_require__(3589);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(714);
var external_node_vm_default = /*#__PURE__*/__webpack_require__.n(external_node_vm_);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: ./src/canary/checks/status-ranges.ts
var status_ranges = __webpack_require__(3263);
;// CONCATENATED MODULE: ./src/canary/checks/probes.ts
/**
 * Health probes against the stage's URL. API Gateway splits canary traffic at random per request, so a
 * step's probes reach the canary and the base deployment alike; every probe counts.
 */



function healthCheckUrl(check, invokeUrl) {
    return check.url ?? `${invokeUrl}${check.path ?? ''}`;
}
/** Judges one response against the expectations; returns why it failed, or undefined. */
function judgeResponse(check, status, body) {
    if (!(0,status_ranges/* statusMatches */.W_)(status, check.expectedStatus))
        return `status ${status}, expected ${(0,status_ranges/* formatStatusRanges */.cO)(check.expectedStatus)}`;
    if (check.bodyContains) {
        const found = check.bodyContains.regex
            ? matchBounded(check.bodyContains.regex, body)
            : body.includes(check.bodyContains.text);
        if (found === 'timeout')
            return `health-check-body-contains took longer than ${REGEX_TIMEOUT_MS} ms to match (a runaway regular expression)`;
        if (!found)
            return `body does not contain ${check.bodyContains.text}`;
    }
    return undefined;
}
/** How long a user's regular expression may run on one body before the probe counts as failed. */
const REGEX_TIMEOUT_MS = 100;
// One script and context for every match, made on first use: a context costs about 2 ms to make.
let matcher;
/**
 * JavaScript's regular expressions backtrack, so a pattern like /(a+)+$/ can run for hours on a short
 * body. The match runs in a vm context whose timeout interrupts it (no dependency, no native code).
 */
function matchBounded(regex, body) {
    try {
        matcher ??= { script: new (external_node_vm_default()).Script('regex.test(body)'), sandbox: external_node_vm_default().createContext({}) };
        Object.assign(matcher.sandbox, { regex, body });
        return matcher.script.runInContext(matcher.sandbox, { timeout: REGEX_TIMEOUT_MS }) === true;
    }
    catch (error) {
        if (error.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
            return 'timeout';
        throw error;
    }
}
/** Nearest-rank percentile of sorted values. */
function percentile(sorted, p) {
    if (sorted.length === 0)
        return 0;
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
function summarize(outcomes) {
    const latencies = outcomes.map(o => o.latencyMs).sort((a, b) => a - b);
    const failed = outcomes.filter(o => o.failure !== undefined);
    return {
        probes: outcomes.length,
        failures: failed.length,
        latencyMs: latencies.length > 0
            ? {
                p50: Math.round(percentile(latencies, 50)),
                p95: Math.round(percentile(latencies, 95)),
                max: Math.round(latencies[latencies.length - 1])
            }
            : undefined,
        samples: [...new Set(failed.map(o => o.failure))].slice(0, 5)
    };
}
// undici's agent reads HTTP_PROXY, HTTPS_PROXY and NO_PROXY itself; one for every probe of the run.
let dispatcher;
const proxyDispatcher = () => (dispatcher ??= new undici.EnvHttpProxyAgent());
async function probe(check, url, signal) {
    const started = performance.now();
    const timeout = AbortSignal.timeout(check.timeoutMs);
    try {
        const response = await (0,undici.fetch)(url, {
            dispatcher: proxyDispatcher(),
            method: check.method,
            headers: check.headers,
            signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
            redirect: 'manual'
        });
        const body = check.method === 'HEAD' ? '' : await response.text();
        return { latencyMs: performance.now() - started, failure: judgeResponse(check, response.status, body) };
    }
    catch (error) {
        if (signal?.aborted)
            throw signal.reason;
        const reason = timeout.aborted
            ? `no answer within ${check.timeoutMs / 1000} s`
            : describeFetchError(error);
        return { latencyMs: performance.now() - started, failure: reason };
    }
}
/** Sends `count` probes, `concurrency` at a time. */
async function runProbes(check, url, count, signal) {
    const outcomes = [];
    let next = 0;
    const worker = async () => {
        while (next < count) {
            next++;
            outcomes.push(await probe(check, url, signal));
        }
    };
    await Promise.all(Array.from({ length: Math.min(check.concurrency, count) }, worker));
    return outcomes;
}
function describeFetchError(error) {
    const cause = error?.cause;
    return cause?.code ?? cause?.message ?? error?.message ?? String(error);
}

;// CONCATENATED MODULE: ./src/canary/checks/health-probes.ts
/** The health-probe check: every round sends a batch of probes to the stage and judges the answers. */



function healthProbes(check, invokeUrl) {
    const url = healthCheckUrl(check, invokeUrl);
    return {
        startStep(percent) {
            const count = (0,plan/* probesForStep */.rM)(percent, check.probes);
            if (count > check.probes)
                core/* info */.pq(`Raised health-check-probes from ${check.probes} to ${count} for ${percent}%.`);
            core/* info */.pq(`Sending ${count} probes a round (${check.concurrency} at a time) to ${url}; the canary gets ${percent}% of them at random (chance it gets none: ${((0,plan/* chanceCanaryMissed */.oV)(percent, count) * 100).toPrecision(2)}%).`);
            const all = [];
            return {
                async round(signal) {
                    const outcomes = await runProbes(check, url, count, signal);
                    all.push(...outcomes);
                    const batch = summarize(outcomes);
                    core/* info */.pq(`${batch.failures}/${batch.probes} probes failed${batch.latencyMs ? `; latency p50 ${batch.latencyMs.p50} ms, p95 ${batch.latencyMs.p95} ms` : ''}.`);
                    if (batch.failures / batch.probes <= check.maxFailureRatio)
                        return undefined;
                    return `${batch.failures} of ${batch.probes} health probes failed (${batch.samples.join('; ')}), above health-check-max-failure-ratio ${check.maxFailureRatio}`;
                },
                report() {
                    const { probes, failures, latencyMs } = summarize(all);
                    return { probes, failures, latencyMs };
                }
            };
        }
    };
}

;// CONCATENATED MODULE: ./src/deploy/existing-canary.ts
/** What a deploy does about a canary that an earlier run left on the stage. */


/**
 * A stage with a canary is not silently changed: by default the run stops and says how to finish it;
 * with `canary-existing: replace` the caller removes it. Returns whether to remove it.
 */
function checkExistingCanary(stage, stageName, policy) {
    const canary = stage.canarySettings;
    if (!canary)
        return false;
    if (policy === 'replace') {
        core/* info */.pq(`Stage "${stageName}" has a canary (deployment ${canary.deploymentId} at ${canary.percentTraffic ?? 0}%): rolling it back first (canary-existing: replace).`);
        return true;
    }
    throw new errors/* ActionError */.lZ(`Stage "${stageName}" has a canary from an earlier run (deployment ${canary.deploymentId}, ${canary.percentTraffic ?? 0}% of traffic). ` +
        'Nothing was changed. Finish it first with "command: promote-canary" or "command: rollback-canary", ' +
        'or set "canary-existing: replace" to roll it back as part of this deploy.');
}

;// CONCATENATED MODULE: ./src/deploy/stage-plan.ts
/**
 * Patch operations that point an existing stage at `deploymentId` and apply the named changes in one
 * UpdateStage call, so the new deployment never serves with the old variables. Settings the user did not
 * name are not touched; values that already match are not sent.
 * Paths: https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html (Stage)
 */
function planStageSwitch(current, deploymentId, changes, options = {}) {
    const ops = [];
    if (options.removeCanary && current.canarySettings)
        ops.push({ op: 'remove', path: '/canarySettings' });
    ops.push({ op: 'replace', path: '/deploymentId', value: deploymentId });
    ops.push(...planSettingChanges(current, changes));
    return ops;
}
/** Description and variables that differ from the stage's, as patch operations. */
function planSettingChanges(current, changes) {
    const ops = [];
    if (changes.description !== undefined && changes.description !== current.description)
        ops.push({ op: 'replace', path: '/description', value: changes.description });
    for (const [name, value] of Object.entries(changes.variables)) {
        if (current.variables?.[name] !== value)
            ops.push({ op: 'replace', path: `/variables/${name}`, value });
    }
    return ops;
}
/** Variables of `changes` that the stage does not already have, for the canary's overrides. */
function changedVariables(current, variables) {
    return Object.fromEntries(Object.entries(variables).filter(([name, value]) => current.variables?.[name] !== value));
}

// EXTERNAL MODULE: ./src/post/state.ts
var state = __webpack_require__(3099);
// EXTERNAL MODULE: ./src/canary/finish.ts
var finish = __webpack_require__(2181);
// EXTERNAL MODULE: ./src/sleep.ts
var sleep = __webpack_require__(6972);
;// CONCATENATED MODULE: ./src/canary/step.ts
/**
 * One canary step: every check runs a round when the step starts and again every `intervalMs` through the
 * bake (and once more when it ends), so a canary that degrades part-way through is caught in that step.
 */


async function runStep(checks, plan, signal) {
    const tallies = checks.map(check => check.startStep(plan.percent));
    const started = Date.now();
    const deadline = started + plan.bakeSeconds * 1000;
    let failure;
    let error;
    if (plan.bakeSeconds > 0)
        core/* info */.pq(`Baking for ${plan.bakeSeconds} s, checking every ${plan.intervalMs / 1000} s.`);
    try {
        for (;;) {
            const roundStarted = Date.now();
            const verdicts = await Promise.all(tallies.map(tally => tally.round(signal)));
            failure = verdicts.find(verdict => verdict !== undefined);
            if (failure !== undefined || Date.now() >= deadline)
                break;
            await (0,sleep/* sleep */.y)(Math.max(0, Math.min(roundStarted + plan.intervalMs, deadline) - Date.now()), signal);
        }
    }
    catch (caught) {
        error = caught;
    }
    const report = {
        percent: plan.percent,
        bakeSeconds: Math.round((Date.now() - started) / 100) / 10,
        probes: 0,
        failures: 0,
        alarms: [],
        ...Object.assign({}, ...tallies.map(tally => tally.report())),
        verdict: failure === undefined && error === undefined ? 'passed' : 'failed'
    };
    if (failure !== undefined)
        report.note = failure;
    else if (error !== undefined)
        report.note = signal.aborted ? 'cancelled' : 'stopped by an error';
    return { report, error };
}

;// CONCATENATED MODULE: ./src/canary/release.ts
/**
 * Canary releases: the new deployment takes a share of the stage's traffic, step by step; each step is
 * judged by the checks through its bake; then it is promoted, left running (promote: false), or rolled
 * back. Any failure, error or cancellation after the canary exists rolls it back; the base deployment
 * serves throughout.
 */









async function releaseCanary(context, result, release) {
    const { gateway, restApiId, stageName, signal, stage } = context;
    const { deployment, canary } = release;
    const baseDeploymentId = stage.deploymentId;
    for (const check of release.checks)
        await check.prepare?.();
    if (checkExistingCanary(stage, stageName, deployment.canaryExisting))
        await (0,finish/* rollBack */.F)(context, stage.canarySettings);
    // The stage's own variables stay with the base deployment; changed ones ride on the canary and land on
    // the stage when it is promoted (promotion copies the overrides into /variables).
    const overrides = { ...changedVariables(stage, deployment.stageVariables), ...canary.stageVariables };
    const canaryToken = (0,aws_gateway/* newDeploymentToken */.V)();
    const record = new state/* CanaryRecord */.__({
        restApiId,
        stageName,
        ...context.connection,
        baseDeploymentId,
        canaryToken
    });
    const [firstPercent] = canary.steps;
    const created = await record.sending('CreateDeployment', () => gateway.createDeployment((0,plan/* canaryDeploymentRequest */.th)({
        restApiId,
        stageName,
        description: release.description,
        percent: firstPercent,
        overrides,
        useStageCache: canary.useStageCache
    }), canaryToken));
    record.update({ canaryDeploymentId: created.id });
    core/* info */.pq(`Created canary deployment ${created.id} on stage "${stageName}" at ${firstPercent}%; deployment ${baseDeploymentId} serves the rest.`);
    const running = {
        ...result,
        deploymentDescription: created.description ?? release.description,
        canaryDeploymentId: created.id,
        canaryResult: 'active',
        steps: []
    };
    try {
        for (const [index, percent] of canary.steps.entries()) {
            if (index > 0) {
                signal.throwIfAborted();
                await record.sending('UpdateStage (shift)', () => gateway.updateStage(restApiId, stageName, (0,plan/* shiftTrafficOps */.Iv)(percent), stage => stage?.canarySettings?.percentTraffic === percent));
                core/* info */.pq(`Shifted ${percent}% of traffic to the canary.`);
            }
            const { report, error } = await core/* group */.Os(`Canary step ${index + 1}/${canary.steps.length}: ${percent}%`, () => runStep(release.checks, { percent, bakeSeconds: canary.bakeSeconds, intervalMs: release.intervalMs }, signal));
            running.steps.push(report);
            if (error !== undefined)
                throw error;
            if (report.verdict === 'failed')
                return await finishWithRollback(context, running, `step ${index + 1} at ${percent}% failed: ${report.note}`, baseDeploymentId);
        }
        if (!canary.promote) {
            (0,state/* clearPendingCanary */.p6)();
            core/* info */.pq(`Leaving the canary at ${canary.steps[canary.steps.length - 1]}% (promote: false). Finish it with "command: promote-canary" or "command: rollback-canary".`);
            return running;
        }
        signal.throwIfAborted();
        await (0,finish/* promote */.p)(context, { deploymentId: created.id, stageVariableOverrides: overrides }, deployment.stageDescription);
        return { ...running, deploymentId: created.id, canaryResult: 'promoted' };
    }
    catch (error) {
        const reason = signal.aborted
            ? `the run was cancelled (${(0,errors/* errorMessage */.gJ)(signal.reason)})`
            : `an error stopped it: ${(0,errors/* errorMessage */.gJ)(error)}`;
        return finishWithRollback({ ...context, record }, running, reason, baseDeploymentId);
    }
}
/**
 * Rolls the canary back, with calls that a cancellation does not stop. If the rollback itself fails, the
 * result still carries the steps that ran, and the post step (whose state is kept) tries again.
 */
async function finishWithRollback(context, result, reason, baseDeploymentId) {
    core/* error */.z3(`Canary ${result.canaryDeploymentId} on stage "${result.stageName}": ${reason}. Rolling back.`);
    try {
        await (0,finish/* rollBack */.F)({ ...context, gateway: context.gateway.withoutCancellation() }, { deploymentId: result.canaryDeploymentId });
    }
    catch (error) {
        return { ...result, failure: `Canary not rolled back: ${reason}. ${(0,errors/* errorMessage */.gJ)(error)}` };
    }
    (0,state/* clearPendingCanary */.p6)();
    return {
        ...result,
        canaryResult: 'rolled-back',
        deploymentId: baseDeploymentId,
        failure: `Canary rolled back: ${reason}. Stage "${result.stageName}" serves deployment ${baseDeploymentId}, as before the run.`
    };
}

// EXTERNAL MODULE: ./src/deploy/delete-unused.ts
var delete_unused = __webpack_require__(6387);
;// CONCATENATED MODULE: ./src/deploy/plain.ts
/**
 * A plain deployment: a new snapshot of the API, served by the stage.
 * - Missing stage: one CreateDeployment with stageName creates it with the given description and variables.
 * - Existing stage: CreateDeployment without a stage, then one UpdateStage that points the stage at it and
 *   applies the description and variables together. Only named settings change; the switch is atomic, so
 *   the new deployment never runs with the old variables.
 */





async function deployPlain(context, result, deployment, description) {
    const { gateway, restApiId, stageName, stage } = context;
    if (!stage) {
        core/* info */.pq(`Stage "${stageName}" does not exist yet: creating it with the new deployment.`);
        const created = await gateway.createDeployment({
            restApiId,
            stageName,
            stageDescription: deployment.stageDescription,
            description,
            variables: Object.keys(deployment.stageVariables).length > 0 ? deployment.stageVariables : undefined
        });
        core/* info */.pq(`Created deployment ${created.id}; stage "${stageName}" now serves it.`);
        return { ...result, deploymentId: created.id, deploymentDescription: description, stageCreated: true };
    }
    const removeCanary = checkExistingCanary(stage, stageName, deployment.canaryExisting);
    core/* info */.pq(`Stage "${stageName}" serves deployment ${stage.deploymentId}; creating a new deployment.`);
    const created = await gateway.createDeployment({ restApiId, description });
    const ops = planStageSwitch(stage, created.id, { description: deployment.stageDescription, variables: deployment.stageVariables }, { removeCanary });
    core/* debug */.Yz(`UpdateStage patch operations: ${JSON.stringify(ops)}`);
    try {
        await gateway.updateStage(restApiId, stageName, ops, now => now?.deploymentId === created.id);
    }
    catch (error) {
        await failSwitch(gateway.withoutCancellation(), { restApiId, stageName, before: stage.deploymentId, created: created.id }, error);
    }
    core/* info */.pq(`Stage "${stageName}" now serves deployment ${created.id} (was ${stage.deploymentId}).`);
    if (removeCanary && stage.canarySettings?.deploymentId)
        core/* info */.pq(`Removed the earlier canary (deployment ${stage.canarySettings.deploymentId}). ${await (0,delete_unused/* deleteQuietly */.v)(gateway, restApiId, stage.canarySettings.deploymentId)}`);
    return { ...result, deploymentId: created.id, deploymentDescription: description, stageCreated: false };
}
/**
 * The switch failed: say what the stage serves now, read again rather than assumed. If it still serves what
 * it served, the new snapshot nobody uses is deleted so nothing is left behind.
 */
async function failSwitch(gateway, at, error) {
    const { restApiId, stageName, created } = at;
    const now = await gateway.tryGetStage(restApiId, stageName);
    const fields = {
        cause: error,
        operation: error.operation,
        code: error.code
    };
    if (now.read && now.stage?.deploymentId === created)
        throw new errors/* ActionError */.lZ(`${(0,errors/* errorMessage */.gJ)(error)}\nStage "${stageName}" was switched to the new deployment ${created} all the same, but the run could not confirm the rest of the change: check the stage's description and variables.`, fields);
    if (!now.read)
        throw new errors/* ActionError */.lZ(`${(0,errors/* errorMessage */.gJ)(error)}\nStage "${stageName}" could not be read again: it serves either deployment ${at.before} (as before) or the new ${created}. Check the stage before running again; deployment ${created} was kept in case it is served.`, fields);
    const cleanup = await (0,delete_unused/* deleteQuietly */.v)(gateway, restApiId, created);
    throw new errors/* ActionError */.lZ(`${(0,errors/* errorMessage */.gJ)(error)}\nStage "${stageName}" was not changed: it still serves deployment ${now.stage?.deploymentId}. ${cleanup}`, fields);
}

;// CONCATENATED MODULE: ./src/report/result.ts
/** The common part of every result: where it deployed, nothing done yet. */
function resultFor(target) {
    return { ...target, canaryResult: 'none', steps: [] };
}

;// CONCATENATED MODULE: ./src/commands/deploy.ts
/**
 * `command: deploy` as a pipeline of phases, in the order they must happen. Each phase takes the result so
 * far and the inputs of its own area; a phase that ends in a failure (a rolled-back canary) stops the
 * pipeline. Later capabilities join here, in order: import definition, release (plain or canary), stage
 * settings, domain mapping, export/SDK, GitHub deployment and PR comment.
 */







function deployPhases(inputs) {
    return [releasePhase(inputs)];
}
async function deploy(context, inputs) {
    let result = {
        ...resultFor({ ...context, command: 'deploy' }),
        deploymentId: context.stage?.deploymentId ?? '',
        previousDeploymentId: context.stage?.deploymentId,
        stageCreated: false
    };
    for (const phase of deployPhases(inputs)) {
        core/* debug */.Yz(`Deploy phase: ${phase.name}`);
        result = await phase.run(context, result);
        if (result.failure)
            break;
    }
    return result;
}
/** The new deployment, served by the stage: at once (plain), or through a canary. */
function releasePhase(inputs) {
    const { deployment, canary } = inputs;
    return {
        name: canary ? 'canary release' : 'plain release',
        run: async (context, result) => {
            const description = deployment.deploymentDescription ?? describeRun();
            const { stage } = context;
            if (canary && stage?.deploymentId) {
                const checks = stepChecks(context, inputs);
                const intervalMs = inputs.checks.intervalSeconds * 1000;
                return releaseCanary({ ...context, stage: { ...stage, deploymentId: stage.deploymentId } }, result, {
                    deployment,
                    canary,
                    checks,
                    description,
                    intervalMs
                });
            }
            if (canary)
                // A canary is measured against what the stage serves; a new stage has nothing to compare against.
                core/* info */.pq(`Stage "${context.stageName}" does not exist yet: a canary needs an existing stage, so deploying normally.`);
            return core/* group */.Os(`Deploy to stage "${context.stageName}"`, () => deployPlain(context, result, deployment, description));
        }
    };
}
/** The checks every canary step runs, in the order their rounds are reported. */
function stepChecks(context, inputs) {
    const checks = [];
    if (inputs.checks.healthCheck)
        checks.push(healthProbes(inputs.checks.healthCheck, context.invokeUrl));
    if (context.alarms)
        checks.push(alarmCheck(context.alarms));
    return checks;
}
/** The default deployment description: the commit, ref and run that made it, on one line. */
function describeRun() {
    let text = `Deployed by GitHub Actions from ${github/* context */._.sha ? github/* context */._.sha.slice(0, 12) : 'an unknown commit'}`;
    if (github/* context */._.ref)
        text += ` on ${github/* context */._.ref}`;
    if (github/* context */._.runId) {
        let repository = '';
        try {
            repository = ` of ${github/* context */._.repo.owner}/${github/* context */._.repo.repo}`;
        }
        catch {
            // context.repo throws without GITHUB_REPOSITORY; the run id alone still helps.
        }
        text += ` (run ${github/* context */._.runId}${repository})`;
    }
    return text;
}

;// CONCATENATED MODULE: ./src/commands/finish-canary.ts
/**
 * `command: promote-canary` and `command: rollback-canary`: finish a canary that an earlier run left
 * running (`promote: false`), for example after a GitHub environment approval.
 */




async function promoteCanaryCommand(context, stageDescription) {
    const { result, canary } = start(context, 'promote-canary');
    if (!canary?.deploymentId)
        throw new errors/* ActionError */.lZ(`Stage "${context.stageName}" has no canary to promote. Start one with "command: deploy", "canary-percent" and "promote: false".`);
    if (canary.deploymentId === result.previousDeploymentId)
        // Promoted earlier, but the settings were never removed (a 0% canary): just finish that.
        core/* info */.pq(`The canary on "${context.stageName}" was already promoted; removing its settings.`);
    await (0,finish/* promote */.p)(context, { deploymentId: canary.deploymentId, stageVariableOverrides: canary.stageVariableOverrides }, stageDescription);
    return { ...result, deploymentId: canary.deploymentId, canaryResult: 'promoted' };
}
async function rollbackCanaryCommand(context) {
    const { result, canary } = start(context, 'rollback-canary');
    if (!canary) {
        core/* notice */.lm(`Stage "${context.stageName}" has no canary: nothing to roll back.`);
        return result;
    }
    await (0,finish/* rollBack */.F)(context, canary);
    return { ...result, canaryResult: 'rolled-back' };
}
function start(context, command) {
    const { stage, stageName } = context;
    if (!stage?.deploymentId)
        throw new errors/* ActionError */.lZ(`Input "stage-name": stage "${stageName}" does not exist on REST API ${context.restApiId}, so it has no canary to ${command === 'promote-canary' ? 'promote' : 'roll back'}.`);
    const result = {
        ...resultFor({ ...context, command }),
        deploymentId: stage.deploymentId,
        previousDeploymentId: stage.deploymentId,
        stageCreated: false,
        canaryDeploymentId: stage.canarySettings?.deploymentId
    };
    return { result, canary: stage.canarySettings };
}

;// CONCATENATED MODULE: ./src/commands/index.ts
/**
 * The dispatcher: opens the clients, finds the API and stage once, and hands that context to the command's
 * handler. `main.ts` loads this module with a dynamic import(), so the AWS SDK is only loaded once the
 * inputs have passed validation.
 */






const HANDLERS = {
    deploy: (context, inputs) => deploy(context, inputs),
    'promote-canary': (context, inputs) => core/* group */.Os(`promote-canary on stage "${context.stageName}"`, () => promoteCanaryCommand(context, inputs.deployment.stageDescription)),
    'rollback-canary': context => core/* group */.Os(`rollback-canary on stage "${context.stageName}"`, () => rollbackCanaryCommand(context))
};
async function execute(inputs, signal) {
    const { target } = inputs;
    const gateway = aws_gateway/* Gateway */.x.open({ ...target, signal });
    const alarms = inputs.checks.alarmNames.length > 0
        ? new AlarmReader(inputs.checks.alarmNames, {
            ...target,
            endpointUrl: target.cloudwatchEndpointUrl,
            signal
        })
        : undefined;
    try {
        const context = await core/* group */.Os('Find the REST API and stage', () => locate({ gateway, alarms, signal }, target));
        return await HANDLERS[inputs.command](context, inputs);
    }
    finally {
        gateway.destroy();
        alarms?.destroy();
    }
}


/***/ })

};
