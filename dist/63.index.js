export const id = 63;
export const ids = [63];
export const modules = {

/***/ 2059:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  I: () => (/* binding */ callAws)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/aws-errors.ts
/**
 * Turns an AWS SDK error into a message that says which operation failed, AWS's error code, and what to do.
 */

/** The IAM action each operation needs, for AccessDenied hints. API Gateway's actions are HTTP verbs. */
const IAM_ACTIONS = {
    GetRestApis: 'apigateway:GET on arn:aws:apigateway:REGION::/restapis',
    GetStage: 'apigateway:GET on arn:aws:apigateway:REGION::/restapis/API/stages/*',
    CreateDeployment: 'apigateway:POST on arn:aws:apigateway:REGION::/restapis/API/deployments',
    UpdateStage: 'apigateway:PATCH on arn:aws:apigateway:REGION::/restapis/API/stages/*',
    DeleteDeployment: 'apigateway:DELETE on arn:aws:apigateway:REGION::/restapis/API/deployments/*',
    DescribeAlarms: 'cloudwatch:DescribeAlarms'
};
function describeAwsError(operation, error, context) {
    const e = error;
    const code = e?.name ?? 'Error';
    const status = e?.$metadata?.httpStatusCode;
    const base = `${operation} failed: ${code}${status ? ` (HTTP ${status})` : ''}: ${e?.message ?? String(error)}`;
    return new errors/* ActionError */.lZ(`${base}\n${hint(operation, code, e?.message ?? '', status, context)}`.trim(), {
        operation,
        code,
        cause: error
    });
}
function hint(operation, code, message, status, context) {
    if (code === 'CredentialsProviderError' || /credential/i.test(code))
        return 'No AWS credentials were found. Add aws-actions/configure-aws-credentials (OIDC role) before this step.';
    if (code === 'AccessDeniedException' ||
        code === 'UnauthorizedException' ||
        code === 'AccessDenied' ||
        status === 403) {
        const action = (IAM_ACTIONS[operation] ?? `the permission for ${operation}`)
            .replace('REGION', context.region)
            .replace('API', context.restApiId ?? '*');
        return `The credentials lack permission: allow ${action} in the role's IAM policy (see the README's IAM section).`;
    }
    if (code === 'LimitExceededException' && /maximum number|quota/i.test(message))
        return 'An API Gateway quota is used up: delete what is no longer needed (old stages, e.g. closed pull-request previews) or request an increase in Service Quotas.';
    if (code === 'NotFoundException' && context.restApiId)
        return `Check that REST API "${context.restApiId}" exists in region ${context.region} (inputs "rest-api-id" and "aws-region").`;
    if (code === 'TooManyRequestsException' ||
        code === 'LimitExceededException' ||
        code === 'ConflictException' ||
        code === 'ServiceUnavailableException')
        return 'API Gateway kept refusing until the retry deadline: raise "retry-deadline-seconds", or run fewer deployments to this account at once (a workflow `concurrency:` group helps).';
    if (code === 'BadRequestException')
        return 'API Gateway refused the request as given: see its message above.';
    return '';
}

;// CONCATENATED MODULE: ./src/retry.ts
const DEFAULT_RETRY_POLICY = { baseDelayMs: 500, maxDelayMs: 20_000 };
const RETRYABLE_CODES = new Set([
    'TooManyRequestsException',
    'LimitExceededException',
    'ServiceUnavailableException',
    // CloudWatch's throttling code
    'Throttling',
    'ThrottlingException'
]);
const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);
/**
 * API Gateway also answers 429 LimitExceededException when a quota is used up ("Maximum number of stages
 * ... has been reached"): waiting does not help there.
 */
function isQuotaExhausted(error) {
    return error.name === 'LimitExceededException' && /maximum number|quota/i.test(error.message ?? '');
}
function isRetryable(error) {
    if (isQuotaExhausted(error))
        return false;
    if (error.name && RETRYABLE_CODES.has(error.name))
        return true;
    if (error.name === 'ConflictException' && /concurrent modification/i.test(error.message ?? ''))
        return true;
    return error.code !== undefined && RETRYABLE_NETWORK_CODES.has(error.code);
}
/**
 * The wait before attempt `attempt + 1` (attempt counts from 1), or undefined to give up. Without a
 * Retry-After it is "full jitter" exponential backoff; with one, at least what the server asked for.
 */
function retryDelayMs(error, attempt, elapsedMs, policy, random) {
    if (!isRetryable(error))
        return undefined;
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    let delay = Math.round(random() * ceiling);
    const retryAfter = Number(error.retryAfterSeconds);
    if (Number.isFinite(retryAfter) && retryAfter > 0) {
        // Honour the server, plus a little jitter so concurrent runs do not come back in lockstep.
        delay = Math.round(retryAfter * 1000 + random() * policy.baseDelayMs);
    }
    if (elapsedMs + delay > policy.deadlineMs)
        return undefined;
    return delay;
}

// EXTERNAL MODULE: ./src/sleep.ts
var sleep = __webpack_require__(6972);
;// CONCATENATED MODULE: ./src/aws-call.ts
/**
 * Sends one AWS call with this action's retry policy: throttling, 503s and concurrent-modification
 * conflicts are retried with capped, jittered backoff (honouring Retry-After) until a deadline; anything
 * else fails at once with a message that names the operation. The SDK's own retries are off so that this
 * is the one policy in force.
 */




async function callAws(operation, send, options) {
    const started = Date.now();
    for (let attempt = 1;; attempt++) {
        try {
            core/* debug */.Yz(`AWS ${operation} (attempt ${attempt})`);
            return await send();
        }
        catch (error) {
            const facts = errorFacts(error);
            const delay = retryDelayMs(facts, attempt, Date.now() - started, { ...DEFAULT_RETRY_POLICY, deadlineMs: options.deadlineMs }, Math.random);
            if (delay === undefined || options.signal?.aborted)
                throw describeAwsError(operation, error, options.context);
            core/* info */.pq(`${operation}: ${facts.name ?? facts.code} (${facts.message ?? ''}); retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt + 1})`);
            await (0,sleep/* sleep */.y)(delay, options.signal);
        }
    }
}
function errorFacts(error) {
    const e = (error ?? {});
    return {
        name: e.name,
        message: e.message,
        code: e.code,
        retryAfterSeconds: e.retryAfterSeconds
    };
}


/***/ }),

/***/ 2647:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iv: () => (/* binding */ shiftTrafficOps),
/* harmony export */   R_: () => (/* binding */ promoteOps),
/* harmony export */   nu: () => (/* binding */ removeCanaryOps),
/* harmony export */   oV: () => (/* binding */ chanceCanaryMissed),
/* harmony export */   rM: () => (/* binding */ probesForStep),
/* harmony export */   th: () => (/* binding */ canaryDeploymentRequest)
/* harmony export */ });
/* unused harmony exports formatPercent, MISSED_CANARY_TOLERANCE, MAX_PROBES_PER_STEP */
function canaryDeploymentRequest(args) {
    return {
        restApiId: args.restApiId,
        stageName: args.stageName,
        description: args.description,
        // API Gateway refuses canarySettings for a stage that does not exist; the caller checks first.
        canarySettings: {
            percentTraffic: args.percent,
            stageVariableOverrides: Object.keys(args.overrides).length > 0 ? args.overrides : undefined,
            useStageCache: args.useStageCache
        }
    };
}
function shiftTrafficOps(percent) {
    return [{ op: 'replace', path: '/canarySettings/percentTraffic', value: formatPercent(percent) }];
}
/**
 * Promotion as documented: the stage takes the canary's deployment and stage variables and the canary's
 * share drops to 0. Removing the canary is a second call (`removeCanaryOps`), as the guide does it: if
 * that one fails, the stage is already promoted and a 0% canary serves nothing.
 */
function promoteOps(canary, stageDescription) {
    const ops = [{ op: 'replace', path: '/canarySettings/percentTraffic', value: '0.0' }];
    // Copying an absent overrides map is an error; only copy when there is something to copy.
    if (canary.stageVariableOverrides && Object.keys(canary.stageVariableOverrides).length > 0)
        ops.push({ op: 'copy', from: '/canarySettings/stageVariableOverrides', path: '/variables' });
    ops.push({ op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' });
    if (stageDescription !== undefined)
        ops.push({ op: 'replace', path: '/description', value: stageDescription });
    return ops;
}
/** Rolls back (or disables after promotion): the base deployment never stopped serving its share. */
function removeCanaryOps() {
    return [{ op: 'remove', path: '/canarySettings' }];
}
/** percentTraffic is a double; API Gateway's own examples send it as "10.0". */
function formatPercent(percent) {
    return Number.isInteger(percent) ? percent.toFixed(1) : String(percent);
}
/** Chance that none of `probes` requests reaches a canary that gets `percent` % of traffic at random. */
function chanceCanaryMissed(percent, probes) {
    return Math.pow(1 - percent / 100, probes);
}
const MISSED_CANARY_TOLERANCE = 0.01;
const MAX_PROBES_PER_STEP = 1000;
/**
 * The probe count for one step: at least `requested`, raised until the chance that the canary got no probe
 * is at most 1% (bounded, so a 0.1% canary does not send thousands of requests).
 */
function probesForStep(percent, requested) {
    if (percent >= 100 || chanceCanaryMissed(percent, requested) <= MISSED_CANARY_TOLERANCE)
        return requested;
    const needed = Math.ceil(Math.log(MISSED_CANARY_TOLERANCE) / Math.log(1 - percent / 100));
    return Math.min(Math.max(needed, requested), MAX_PROBES_PER_STEP);
}


/***/ }),

/***/ 2723:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SB: () => (/* binding */ deployCanary),
  zG: () => (/* binding */ promoteCanary),
  Fu: () => (/* binding */ rollBack)
});

// UNUSED EXPORTS: ALARM_POLL_MS

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/canary-plan.ts
var canary_plan = __webpack_require__(2647);
// EXTERNAL MODULE: ./src/deploy.ts
var deploy = __webpack_require__(9880);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/status-ranges.ts
var status_ranges = __webpack_require__(6744);
;// CONCATENATED MODULE: ./src/health-check.ts
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
            ? check.bodyContains.regex.test(body)
            : body.includes(check.bodyContains.text);
        if (!found)
            return `body does not contain ${check.bodyContains.text}`;
    }
    return undefined;
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
async function probe(check, url, signal) {
    const started = performance.now();
    const timeout = AbortSignal.timeout(check.timeoutMs);
    try {
        const response = await fetch(url, {
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
    const batch = summarize(outcomes);
    core/* debug */.Yz(`probes of ${url}: ${JSON.stringify(batch)}`);
    return batch;
}
function describeFetchError(error) {
    const cause = error?.cause;
    return cause?.code ?? cause?.message ?? error?.message ?? String(error);
}

// EXTERNAL MODULE: ./src/result.ts
var src_result = __webpack_require__(1666);
// EXTERNAL MODULE: ./src/run-state.ts
var run_state = __webpack_require__(518);
// EXTERNAL MODULE: ./src/sleep.ts
var sleep = __webpack_require__(6972);
// EXTERNAL MODULE: ./src/stage-plan.ts
var stage_plan = __webpack_require__(5261);
;// CONCATENATED MODULE: ./src/canary.ts
/**
 * Canary releases: the new deployment takes a share of the stage's traffic, step by step; each step is
 * checked (health probes, alarms) for its bake time; then it is promoted, left running (promote: false),
 * or rolled back. Any failure, error or cancellation after the canary exists rolls it back; the base
 * deployment serves throughout.
 */









/** How often alarms are read during a bake. */
const ALARM_POLL_MS = 15_000;
async function deployCanary(deps, inputs, canary, target, stage) {
    const { gateway } = deps;
    const { restApiId } = target;
    const { stageName } = inputs;
    if (!stage?.deploymentId) {
        // A canary is measured against what the stage serves; a new stage has nothing to compare against.
        core/* info */.pq(`Stage "${stageName}" does not exist yet: a canary needs an existing stage, so deploying normally.`);
        return (0,deploy/* deployPlain */.Is)(gateway, inputs, target, stage);
    }
    const baseDeploymentId = stage.deploymentId;
    if (deps.alarms)
        await deps.alarms.states(); // a missing alarm is an input error: stop before any change
    if ((0,deploy/* checkExistingCanary */._f)(stage, inputs))
        await rollBack(gateway, restApiId, stageName, stage.canarySettings);
    // The stage's own variables stay with the base deployment; changed ones ride on the canary and land on
    // the stage when it is promoted (promotion copies the overrides into /variables).
    const overrides = { ...(0,stage_plan/* changedVariables */.Wo)(stage, inputs.stageVariables), ...canary.stageVariables };
    const pending = {
        restApiId,
        stageName,
        region: inputs.region,
        endpointUrl: inputs.endpointUrl,
        baseDeploymentId
    };
    (0,run_state/* savePendingCanary */.n_)(pending);
    const [firstPercent] = canary.steps;
    const deployment = await gateway.createDeployment((0,canary_plan/* canaryDeploymentRequest */.th)({
        restApiId,
        stageName,
        description: target.deploymentDescription,
        percent: firstPercent,
        overrides,
        useStageCache: canary.useStageCache
    }));
    (0,run_state/* savePendingCanary */.n_)({ ...pending, canaryDeploymentId: deployment.id });
    core/* info */.pq(`Created canary deployment ${deployment.id} on stage "${stageName}" at ${firstPercent}%; deployment ${baseDeploymentId} serves the rest.`);
    const result = {
        ...(0,src_result/* resultFor */.T)(inputs, restApiId),
        deploymentId: baseDeploymentId,
        previousDeploymentId: baseDeploymentId,
        stageCreated: false,
        canaryDeploymentId: deployment.id,
        canaryResult: 'active'
    };
    try {
        for (const [index, percent] of canary.steps.entries()) {
            if (index > 0) {
                deps.signal.throwIfAborted();
                await gateway.updateStage(restApiId, stageName, (0,canary_plan/* shiftTrafficOps */.Iv)(percent));
                core/* info */.pq(`Shifted ${percent}% of traffic to the canary.`);
            }
            const report = await core/* group */.Os(`Canary step ${index + 1}/${canary.steps.length}: ${percent}%`, () => checkStep(deps, inputs, canary, percent, result.invokeUrl));
            result.steps.push(report);
            if (report.verdict === 'failed') {
                const reason = `step ${index + 1} at ${percent}% failed: ${report.note}`;
                return await finishWithRollback(gateway, result, reason, baseDeploymentId);
            }
        }
        if (!canary.promote) {
            (0,run_state/* clearPendingCanary */.p6)();
            core/* info */.pq(`Leaving the canary at ${canary.steps[canary.steps.length - 1]}% (promote: false). Finish it with "command: promote-canary" or "command: rollback-canary".`);
            return result;
        }
        deps.signal.throwIfAborted();
        return await promoteCanary(gateway, inputs, result, {
            deploymentId: deployment.id,
            stageVariableOverrides: overrides
        });
    }
    catch (error) {
        const reason = deps.signal.aborted
            ? `the run was cancelled (${(0,errors/* errorMessage */.gJ)(deps.signal.reason)})`
            : `an error stopped it: ${(0,errors/* errorMessage */.gJ)(error)}`;
        return finishWithRollback(gateway, result, reason, baseDeploymentId);
    }
}
/** Promotes the stage's canary (used at the end of a deploy and by `command: promote-canary`). */
async function promoteCanary(gateway, inputs, result, canary) {
    const { restApiId, stageName } = result;
    await gateway.updateStage(restApiId, stageName, (0,canary_plan/* promoteOps */.R_)(canary, inputs.stageDescription));
    core/* info */.pq(`Promoted: stage "${stageName}" now serves deployment ${canary.deploymentId}.`);
    (0,run_state/* clearPendingCanary */.p6)();
    try {
        await gateway.updateStage(restApiId, stageName, (0,canary_plan/* removeCanaryOps */.nu)());
    }
    catch (error) {
        // Safe as it is: the stage serves the promoted deployment and the canary gets 0% of traffic.
        core/* warning */.$e(`The canary was promoted but its settings could not be removed (${(0,errors/* errorMessage */.gJ)(error)}). It takes 0% of traffic; the next run with "canary-existing: replace" removes it.`);
    }
    return { ...result, deploymentId: canary.deploymentId, canaryResult: 'promoted' };
}
async function finishWithRollback(gateway, result, reason, baseDeploymentId) {
    core/* error */.z3(`Canary ${result.canaryDeploymentId} on stage "${result.stageName}": ${reason}. Rolling back.`);
    await rollBack(gateway, result.restApiId, result.stageName, { deploymentId: result.canaryDeploymentId });
    (0,run_state/* clearPendingCanary */.p6)();
    return {
        ...result,
        canaryResult: 'rolled-back',
        deploymentId: baseDeploymentId,
        failure: `Canary rolled back: ${reason}. Stage "${result.stageName}" serves deployment ${baseDeploymentId}, as before the run.`
    };
}
/** Removes the canary from the stage and deletes its deployment. */
async function rollBack(gateway, restApiId, stageName, canary) {
    try {
        await gateway.updateStage(restApiId, stageName, (0,canary_plan/* removeCanaryOps */.nu)());
    }
    catch (error) {
        throw new errors/* ActionError */.lZ(`Rolling back the canary on stage "${stageName}" failed: ${(0,errors/* errorMessage */.gJ)(error)}\n` +
            `The canary (deployment ${canary?.deploymentId}) may still take traffic: run this action with "command: rollback-canary", or remove it in the console.`, { cause: error });
    }
    const cleanup = canary?.deploymentId ? await (0,deploy/* deleteQuietly */.vJ)(gateway, restApiId, canary.deploymentId) : '';
    core/* info */.pq(`Rolled back: removed the canary from stage "${stageName}". ${cleanup}`);
}
/** One step: probes when it starts, then the bake, reading alarms as it goes. */
async function checkStep(deps, inputs, canary, percent, url) {
    const report = { percent, probes: 0, failures: 0, alarms: [], verdict: 'passed' };
    const check = inputs.healthCheck;
    if (check) {
        const count = (0,canary_plan/* probesForStep */.rM)(percent, check.probes);
        if (count > check.probes)
            core/* info */.pq(`Raised health-check-probes from ${check.probes} to ${count} for ${percent}%.`);
        const missed = (0,canary_plan/* chanceCanaryMissed */.oV)(percent, count);
        core/* info */.pq(`Sending ${count} probes (${check.concurrency} at a time) to ${healthCheckUrl(check, url)}; the canary gets ${percent}% of them at random (chance it gets none: ${(missed * 100).toPrecision(2)}%).`);
        const batch = await runProbes(check, healthCheckUrl(check, url), count, deps.signal);
        Object.assign(report, { probes: batch.probes, failures: batch.failures, latencyMs: batch.latencyMs });
        const ratio = batch.failures / batch.probes;
        core/* info */.pq(`${batch.failures}/${batch.probes} probes failed${batch.latencyMs ? `; latency p50 ${batch.latencyMs.p50} ms, p95 ${batch.latencyMs.p95} ms` : ''}.`);
        if (ratio > check.maxFailureRatio) {
            report.verdict = 'failed';
            report.note = `${batch.failures} of ${batch.probes} health probes failed (${batch.samples.join('; ')}), above health-check-max-failure-ratio ${check.maxFailureRatio}`;
            return report;
        }
    }
    const firing = await readAlarms(deps);
    const deadline = Date.now() + canary.bakeSeconds * 1000;
    if (firing.length === 0 && canary.bakeSeconds > 0)
        core/* info */.pq(`Baking for ${canary.bakeSeconds} s.`);
    while (firing.length === 0 && Date.now() < deadline) {
        await (0,sleep/* sleep */.y)(Math.min(deps.alarms ? ALARM_POLL_MS : Infinity, deadline - Date.now()), deps.signal);
        firing.push(...(await readAlarms(deps)));
    }
    if (firing.length > 0) {
        report.alarms = firing;
        report.verdict = 'failed';
        report.note = `alarm ${firing.join(', ')} in ALARM`;
    }
    return report;
}
async function readAlarms(deps) {
    if (!deps.alarms)
        return [];
    const firing = await deps.alarms.firing();
    core/* info */.pq(firing.length > 0 ? `In ALARM: ${firing.join(', ')}.` : `Alarms OK (${deps.alarms.names.length} watched).`);
    return firing;
}


/***/ }),

/***/ 9880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Is: () => (/* binding */ deployPlain),
/* harmony export */   _f: () => (/* binding */ checkExistingCanary),
/* harmony export */   vJ: () => (/* binding */ deleteQuietly)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _result_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1666);
/* harmony import */ var _stage_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5261);
/**
 * A plain deployment: a new snapshot of the API, served by the stage.
 * - Missing stage: one CreateDeployment with stageName creates it with the given description and variables.
 * - Existing stage: CreateDeployment without a stage, then one UpdateStage that points the stage at it and
 *   applies the description and variables together. Only named settings change; the switch is atomic, so
 *   the new deployment never runs with the old variables.
 */




async function deployPlain(gateway, inputs, target, stage) {
    const { restApiId } = target;
    const { stageName } = inputs;
    const base = (0,_result_js__WEBPACK_IMPORTED_MODULE_2__/* .resultFor */ .T)(inputs, restApiId);
    if (!stage) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Stage "${stageName}" does not exist yet: creating it with the new deployment.`);
        const deployment = await gateway.createDeployment({
            restApiId,
            stageName,
            stageDescription: inputs.stageDescription,
            description: target.deploymentDescription,
            variables: Object.keys(inputs.stageVariables).length > 0 ? inputs.stageVariables : undefined
        });
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Created deployment ${deployment.id}; stage "${stageName}" now serves it.`);
        return { ...base, deploymentId: deployment.id, stageCreated: true };
    }
    const removeCanary = checkExistingCanary(stage, inputs);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Stage "${stageName}" serves deployment ${stage.deploymentId}; creating a new deployment.`);
    const deployment = await gateway.createDeployment({ restApiId, description: target.deploymentDescription });
    const ops = (0,_stage_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .planStageSwitch */ .Ij)(stage, deployment.id, { description: inputs.stageDescription, variables: inputs.stageVariables }, { removeCanary });
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`UpdateStage patch operations: ${JSON.stringify(ops)}`);
    try {
        await gateway.updateStage(restApiId, stageName, ops);
    }
    catch (error) {
        // The stage still serves what it served; drop the snapshot nobody uses so nothing is left behind.
        const cleanup = await deleteQuietly(gateway, restApiId, deployment.id);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}\nStage "${stageName}" was not changed: it still serves deployment ${stage.deploymentId}. ${cleanup}`, { cause: error, operation: error.operation, code: error.code });
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Stage "${stageName}" now serves deployment ${deployment.id} (was ${stage.deploymentId}).`);
    if (removeCanary && stage.canarySettings?.deploymentId)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Removed the earlier canary (deployment ${stage.canarySettings.deploymentId}). ${await deleteQuietly(gateway, restApiId, stage.canarySettings.deploymentId)}`);
    return {
        ...base,
        deploymentId: deployment.id,
        previousDeploymentId: stage.deploymentId,
        stageCreated: false
    };
}
/**
 * A stage with a canary is not silently changed: by default the run stops and says how to finish it;
 * with `canary-existing: replace` the caller removes it. Returns whether to remove it.
 */
function checkExistingCanary(stage, inputs) {
    const canary = stage.canarySettings;
    if (!canary)
        return false;
    if (inputs.canaryExisting === 'replace') {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Stage "${inputs.stageName}" has a canary (deployment ${canary.deploymentId} at ${canary.percentTraffic ?? 0}%): rolling it back first (canary-existing: replace).`);
        return true;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Stage "${inputs.stageName}" has a canary from an earlier run (deployment ${canary.deploymentId}, ${canary.percentTraffic ?? 0}% of traffic). ` +
        'Nothing was changed. Finish it first with "command: promote-canary" or "command: rollback-canary", ' +
        'or set "canary-existing: replace" to roll it back as part of this deploy.');
}
/** Deletes a deployment no stage uses; says what happened, never throws (a leftover snapshot is harmless). */
async function deleteQuietly(gateway, restApiId, deploymentId) {
    try {
        await gateway.deleteDeployment(restApiId, deploymentId);
        return `Deleted the unused deployment ${deploymentId}.`;
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`DeleteDeployment ${deploymentId}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
        return `Deployment ${deploymentId} was not deleted (${error.code ?? 'error'}); delete it once no stage uses it.`;
    }
}


/***/ }),

/***/ 9661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ Gateway)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(818);
/* harmony import */ var _aws_call_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2059);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(311);
/**
 * The one module that talks to API Gateway: builds the client (region, endpoint, user agent, no SDK
 * retries) and sends each operation through `callAws`.
 */




class Gateway {
    client;
    options;
    /** The REST API the calls are about, for error hints. */
    restApiId;
    constructor(options) {
        this.options = options;
        this.client = new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_2__/* .APIGatewayClient */ .UR2({
            region: options.region,
            endpoint: options.endpointUrl,
            customUserAgent: _version_js__WEBPACK_IMPORTED_MODULE_3__/* .USER_AGENT */ ._,
            // callAws retries; SDK retries on top would multiply the attempts and ignore the deadline.
            maxAttempts: 1,
            requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000 }
        });
    }
    call(operation, send) {
        return (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .callAws */ .I)(operation, send, {
            deadlineMs: this.options.retryDeadlineSeconds * 1000,
            context: { region: this.options.region, restApiId: this.restApiId }
        });
    }
    /** The id of the one REST API with this name (GetRestApis, all pages). */
    async findRestApiId(name) {
        const matches = [];
        let position;
        do {
            const page = await this.call('GetRestApis', () => this.client.send(new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_2__/* .GetRestApisCommand */ .hwD({ limit: 500, position })));
            for (const api of page.items ?? [])
                if (api.name === name && api.id)
                    matches.push({ id: api.id, name });
            position = page.position;
        } while (position);
        if (matches.length === 1)
            return matches[0].id;
        if (matches.length === 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Input "rest-api-name": no REST API named "${name}" in ${this.options.region}. Check the name and "aws-region", or use "rest-api-id".`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Input "rest-api-name": ${matches.length} REST APIs are named "${name}" in ${this.options.region} (ids ${matches.map(m => m.id).join(', ')}). Use "rest-api-id" to pick one.`);
    }
    /** The stage, or undefined when it does not exist. */
    async getStage(restApiId, stageName) {
        try {
            return await this.call('GetStage', () => this.client.send(new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_2__/* .GetStageCommand */ .aOX({ restApiId, stageName })));
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ && error.code === 'NotFoundException')
                return undefined;
            throw error;
        }
    }
    async createDeployment(request) {
        const deployment = await this.call('CreateDeployment', () => this.client.send(new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_2__/* .CreateDeploymentCommand */ .ttP(request)));
        if (!deployment.id)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('CreateDeployment returned no deployment id.');
        return { ...deployment, id: deployment.id };
    }
    async updateStage(restApiId, stageName, patchOperations) {
        return this.call('UpdateStage', () => this.client.send(new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_2__/* .UpdateStageCommand */ .hJS({ restApiId, stageName, patchOperations })));
    }
    async deleteDeployment(restApiId, deploymentId) {
        await this.call('DeleteDeployment', () => this.client.send(new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_2__/* .DeleteDeploymentCommand */ .Esf({ restApiId, deploymentId })));
    }
    destroy() {
        this.client.destroy();
    }
}


/***/ }),

/***/ 1666:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ resultFor)
/* harmony export */ });
/* harmony import */ var _urls_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5769);

/** The part of a result every command fills the same way: where it deployed, nothing done yet. */
function resultFor(inputs, restApiId) {
    return {
        command: inputs.command,
        restApiId,
        stageName: inputs.stageName,
        invokeUrl: (0,_urls_js__WEBPACK_IMPORTED_MODULE_0__/* .invokeUrl */ .U_)(restApiId, inputs.stageName, inputs.region, inputs.endpointUrl),
        canaryResult: 'none',
        steps: []
    };
}


/***/ }),

/***/ 6972:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ sleep)
/* harmony export */ });
/** A wait that ends early, with an AbortError, when the run is cancelled. */
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}


/***/ }),

/***/ 5261:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ij: () => (/* binding */ planStageSwitch),
/* harmony export */   Wo: () => (/* binding */ changedVariables)
/* harmony export */ });
/* unused harmony export planSettingChanges */
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


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ USER_AGENT)
/* harmony export */ });
/* unused harmony export ACTION_VERSION */
/** Sent as the SDK's custom user agent, so CloudTrail shows which tool made the calls. */
const ACTION_VERSION = '0.1.0';
const USER_AGENT = `apigateway-deploy-action/${ACTION_VERSION}`;


/***/ })

};
