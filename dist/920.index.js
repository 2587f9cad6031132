export const id = 920;
export const ids = [920];
export const modules = {

/***/ 6297:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  I: () => (/* binding */ callAws)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/sleep.ts
var sleep = __webpack_require__(6972);
;// CONCATENATED MODULE: ./src/aws/classify.ts
/**
 * What kind of failure an AWS error is: the one place that decides, so that the retry policy and the
 * hints in error messages can never disagree.
 *
 * API Gateway throttles account-wide (CreateDeployment: 1 request every 5 s) and refuses concurrent changes
 * to one API with a ConflictException ("concurrent modification"); both pass if the call is made again later.
 */
const THROTTLING_CODES = new Set([
    'TooManyRequestsException',
    'LimitExceededException',
    // CloudWatch's throttling codes
    'Throttling',
    'ThrottlingException'
]);
const UNAVAILABLE_CODES = new Set(['ServiceUnavailableException', 'ServiceUnavailable']);
// A reset or timed-out connection may pass on the next attempt; a refused one means a wrong endpoint.
const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);
const RETRYABLE_KINDS = new Set(['throttled', 'conflict', 'unavailable', 'network']);
function errorFacts(error) {
    const e = (error ?? {});
    return {
        name: e.name,
        message: e.message,
        code: e.code,
        retryAfterSeconds: e.retryAfterSeconds,
        status: e.$metadata?.httpStatusCode
    };
}
function classify(error) {
    const name = error.name ?? '';
    const message = error.message ?? '';
    // API Gateway also answers 429 LimitExceededException when a quota is used up ("Maximum number of
    // stages ... has been reached"): waiting does not help there.
    if (name === 'LimitExceededException' && /maximum number|quota/i.test(message))
        return 'quota-exhausted';
    if (THROTTLING_CODES.has(name))
        return 'throttled';
    if (UNAVAILABLE_CODES.has(name))
        return 'unavailable';
    if (name === 'ConflictException' && /concurrent modification/i.test(message))
        return 'conflict';
    if (error.code !== undefined && RETRYABLE_NETWORK_CODES.has(error.code))
        return 'network';
    if (name === 'CredentialsProviderError' || /credential/i.test(name))
        return 'credentials';
    if (['AccessDeniedException', 'UnauthorizedException', 'AccessDenied'].includes(name) ||
        error.status === 403)
        return 'access-denied';
    if (name === 'NotFoundException')
        return 'not-found';
    if (name === 'BadRequestException')
        return 'bad-request';
    return 'other';
}
function isRetryable(error) {
    return RETRYABLE_KINDS.has(classify(error));
}

;// CONCATENATED MODULE: ./src/aws/errors.ts
/**
 * Turns an AWS SDK error into a message that says which operation failed, AWS's error code, and what to do.
 * The advice follows `classify`, the same decision the retry policy uses.
 */


/** The IAM action each operation needs, for AccessDenied hints. API Gateway's actions are HTTP verbs. */
const IAM_ACTIONS = {
    GetRestApis: 'apigateway:GET on arn:aws:apigateway:REGION::/restapis',
    GetRestApi: 'apigateway:GET on arn:aws:apigateway:REGION::/restapis/API',
    GetStage: 'apigateway:GET on arn:aws:apigateway:REGION::/restapis/API/stages/*',
    CreateDeployment: 'apigateway:POST on arn:aws:apigateway:REGION::/restapis/API/deployments',
    UpdateStage: 'apigateway:PATCH on arn:aws:apigateway:REGION::/restapis/API/stages/*',
    DeleteDeployment: 'apigateway:DELETE on arn:aws:apigateway:REGION::/restapis/API/deployments/*',
    DescribeAlarms: 'cloudwatch:DescribeAlarms'
};
function describeAwsError(operation, error, context) {
    const facts = errorFacts(error);
    const code = facts.name ?? 'Error';
    const base = `${operation} failed: ${code}${facts.status ? ` (HTTP ${facts.status})` : ''}: ${facts.message ?? String(error)}`;
    const advice = hint(classify(facts), operation, context);
    return new errors/* ActionError */.lZ(advice ? `${base}\n${advice}` : base, { operation, code, cause: error });
}
function hint(kind, operation, context) {
    switch (kind) {
        case 'credentials':
            return 'No AWS credentials were found. Add aws-actions/configure-aws-credentials (OIDC role) before this step.';
        case 'access-denied': {
            const action = (IAM_ACTIONS[operation] ?? `the permission for ${operation}`)
                .replace('REGION', context.region)
                .replace('API', context.restApiId ?? '*');
            return `The credentials lack permission: allow ${action} in the role's IAM policy (see the README's IAM section).`;
        }
        case 'quota-exhausted':
            return 'An API Gateway quota is used up: delete what is no longer needed (old stages, e.g. closed pull-request previews) or request an increase in Service Quotas.';
        case 'not-found':
            return context.restApiId
                ? `Check that REST API "${context.restApiId}" exists in region ${context.region} (inputs "rest-api-id" and "aws-region").`
                : '';
        case 'throttled':
        case 'conflict':
        case 'unavailable':
        case 'network':
            return 'API Gateway kept refusing until the retry deadline: raise "retry-deadline-seconds", or run fewer deployments to this account at once (a workflow `concurrency:` group helps).';
        case 'bad-request':
            return 'API Gateway refused the request as given: see its message above.';
        case 'other':
            return '';
    }
}

;// CONCATENATED MODULE: ./src/aws/retry.ts
/**
 * How long to wait before calling AWS again, or whether to give up. Pure: the clock and the random source
 * come in as arguments so the decisions are unit-tested with plain numbers. What is worth retrying is
 * `classify`'s decision.
 */

const DEFAULT_RETRY_POLICY = { baseDelayMs: 500, maxDelayMs: 20_000 };
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

;// CONCATENATED MODULE: ./src/aws/call.ts
/**
 * Sends one AWS call with this action's retry policy (see `retry.ts`) until a deadline; anything not
 * retryable fails at once with a message that names the operation. The SDK's own retries are off so that
 * this is the one policy in force. A cancelled run stops waiting at once.
 */






async function callAws(operation, send, options) {
    const started = Date.now();
    for (let attempt = 1;; attempt++) {
        options.signal?.throwIfAborted();
        try {
            core/* debug */.Yz(`AWS ${operation} (attempt ${attempt})`);
            return await send();
        }
        catch (error) {
            const facts = errorFacts(error);
            const policy = { ...DEFAULT_RETRY_POLICY, deadlineMs: options.deadlineMs };
            const delay = retryDelayMs(facts, attempt, Date.now() - started, policy, Math.random);
            if (delay === undefined || options.signal?.aborted)
                throw describeAwsError(operation, error, options.context);
            core/* info */.pq(`${operation}: ${facts.name ?? facts.code} (${facts.message ?? ''}); retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt + 1})`);
            try {
                await (0,sleep/* sleep */.y)(delay, options.signal);
            }
            catch (reason) {
                throw new errors/* ActionError */.lZ(`${operation} was not retried after ${facts.name ?? facts.code}: the run was cancelled (${(0,errors/* errorMessage */.gJ)(reason)}).`, { operation, code: facts.name, cause: error });
            }
        }
    }
}


/***/ }),

/***/ 2923:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ Gateway)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(818);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(311);
/* harmony import */ var _call_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6297);
/**
 * The one module that talks to API Gateway: builds the client (region, endpoint, user agent, no SDK
 * retries) and sends each operation through `callAws`. It holds no state that changes between calls.
 */





class Gateway {
    client;
    options;
    ownsClient;
    constructor(client, options, ownsClient) {
        this.client = client;
        this.options = options;
        this.ownsClient = ownsClient;
    }
    static open(options) {
        const client = new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_3__/* .APIGatewayClient */ .UR2({
            region: options.region,
            endpoint: options.endpointUrl,
            customUserAgent: _version_js__WEBPACK_IMPORTED_MODULE_4__/* .USER_AGENT */ ._,
            // callAws retries; SDK retries on top would multiply the attempts and ignore the deadline.
            maxAttempts: 1,
            requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000 }
        });
        return new Gateway(client, options, true);
    }
    /** The same client, deaf to cancellation: for the rollback that a cancellation itself starts. */
    withoutCancellation() {
        return new Gateway(this.client, { ...this.options, signal: undefined }, false);
    }
    call(operation, restApiId, send) {
        return (0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .callAws */ .I)(operation, send, {
            deadlineMs: this.options.retryDeadlineSeconds * 1000,
            context: { region: this.options.region, restApiId },
            signal: this.options.signal
        });
    }
    /** The id of the one REST API with this name (GetRestApis, all pages). */
    async findRestApiId(name) {
        const matches = [];
        let position;
        do {
            const page = await this.call('GetRestApis', undefined, () => this.client.send(new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_3__/* .GetRestApisCommand */ .hwD({ limit: 500, position })));
            for (const api of page.items ?? [])
                if (api.name === name && api.id)
                    matches.push(api.id);
            position = page.position;
        } while (position);
        if (matches.length === 1)
            return matches[0];
        if (matches.length === 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Input "rest-api-name": no REST API named "${name}" in ${this.options.region}. Check the name and "aws-region", or use "rest-api-id".`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Input "rest-api-name": ${matches.length} REST APIs are named "${name}" in ${this.options.region} (ids ${matches.join(', ')}). Use "rest-api-id" to pick one.`);
    }
    /**
     * The API's name, for the log and the summary; undefined when it cannot be read (a role without
     * apigateway:GET on the API itself still deploys).
     */
    async restApiName(restApiId) {
        try {
            const api = await this.call('GetRestApi', restApiId, () => this.client.send(new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_3__/* .GetRestApiCommand */ .Wy4({ restApiId })));
            return api.name;
        }
        catch (error) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`The API's name is unknown: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
            return undefined;
        }
    }
    /**
     * The stage, or undefined when it does not exist. A missing REST API is an error: AWS answers both with
     * NotFoundException, "Invalid stage identifier specified" for the stage and "Invalid API identifier
     * specified {account}:{id}" for the API, so only the former counts as a missing stage.
     */
    async getStage(restApiId, stageName) {
        try {
            return await this.call('GetStage', restApiId, () => this.client.send(new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_3__/* .GetStageCommand */ .aOX({ restApiId, stageName })));
        }
        catch (error) {
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ) || error.code !== 'NotFoundException')
                throw error;
            if (/stage identifier/i.test((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error.cause)))
                return undefined;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Input "rest-api-id": REST API ${restApiId} does not exist in ${this.options.region} (GetStage: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error.cause)}). Check "rest-api-id" and "aws-region". Nothing was changed.`, { operation: 'GetStage', code: error.code, cause: error.cause });
        }
    }
    async createDeployment(request) {
        const deployment = await this.call('CreateDeployment', request.restApiId, () => this.client.send(new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_3__/* .CreateDeploymentCommand */ .ttP(request)));
        if (!deployment.id)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('CreateDeployment returned no deployment id.');
        return { ...deployment, id: deployment.id };
    }
    async updateStage(restApiId, stageName, patchOperations) {
        return this.call('UpdateStage', restApiId, () => this.client.send(new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_3__/* .UpdateStageCommand */ .hJS({ restApiId, stageName, patchOperations })));
    }
    async deleteDeployment(restApiId, deploymentId) {
        await this.call('DeleteDeployment', restApiId, () => this.client.send(new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_3__/* .DeleteDeploymentCommand */ .Esf({ restApiId, deploymentId })));
    }
    destroy() {
        if (this.ownsClient)
            this.client.destroy();
    }
}


/***/ }),

/***/ 2181:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ rollBack),
/* harmony export */   p: () => (/* binding */ promote)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _deploy_delete_unused_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6387);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _post_state_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3099);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3589);
/** The two ways a canary ends: promoted (the stage serves it) or rolled back (removed and deleted). */





/** Promotes the stage's canary (at the end of a release, and for `command: promote-canary`). */
async function promote({ gateway, restApiId, stageName }, canary, stageDescription) {
    await gateway.updateStage(restApiId, stageName, (0,_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .promoteOps */ .R_)(canary, stageDescription));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Promoted: stage "${stageName}" now serves deployment ${canary.deploymentId}.`);
    (0,_post_state_js__WEBPACK_IMPORTED_MODULE_3__/* .clearPendingCanary */ .p6)();
    try {
        await gateway.updateStage(restApiId, stageName, (0,_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .removeCanaryOps */ .nu)());
    }
    catch (error) {
        // Safe as it is: the stage serves the promoted deployment and the canary gets 0% of traffic.
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`The canary was promoted but its settings could not be removed (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}). It takes 0% of traffic; the next run with "canary-existing: replace" removes it.`);
    }
}
/** Removes the canary from the stage and deletes its deployment. */
async function rollBack({ gateway, restApiId, stageName }, canary) {
    try {
        await gateway.updateStage(restApiId, stageName, (0,_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .removeCanaryOps */ .nu)());
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Rolling back the canary on stage "${stageName}" failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}\n` +
            `The canary (deployment ${canary?.deploymentId}) may still take traffic: run this action with "command: rollback-canary", or remove it in the console.`, { cause: error });
    }
    const cleanup = canary?.deploymentId ? await (0,_deploy_delete_unused_js__WEBPACK_IMPORTED_MODULE_1__/* .deleteQuietly */ .v)(gateway, restApiId, canary.deploymentId) : '';
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Rolled back: removed the canary from stage "${stageName}". ${cleanup}`);
}


/***/ }),

/***/ 3589:
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

/***/ 6387:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ deleteQuietly)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/** Deleting a deployment that no stage uses, so a failed or rolled-back run leaves nothing behind. */


/** Deletes the deployment; says what happened, never throws (a leftover snapshot serves nothing). */
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

/***/ 4920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanUpPendingCanary: () => (/* binding */ cleanUpPendingCanary)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/aws/gateway.ts
var aws_gateway = __webpack_require__(2923);
// EXTERNAL MODULE: ./src/canary/finish.ts
var finish = __webpack_require__(2181);
// EXTERNAL MODULE: ./src/canary/plan.ts
var plan = __webpack_require__(3589);
;// CONCATENATED MODULE: ./src/post/cleanup-plan.ts
function cleanupAction(stage, pending) {
    const canary = stage?.canarySettings;
    if (!stage || !canary)
        return 'none';
    // The first promotion call succeeded (stage serves the canary) but the settings were not removed.
    if (pending.canaryDeploymentId && stage.deploymentId === pending.canaryDeploymentId)
        return 'finish-promotion';
    if (stage.deploymentId !== pending.baseDeploymentId)
        return 'foreign';
    // Killed while CreateDeployment was under way: the run had checked the stage had no canary of its own
    // (or removed it), so a canary on the unchanged base deployment is this run's.
    if (!pending.canaryDeploymentId || canary.deploymentId === pending.canaryDeploymentId)
        return 'rollback';
    return 'foreign';
}

// EXTERNAL MODULE: ./src/post/state.ts
var state = __webpack_require__(3099);
;// CONCATENATED MODULE: ./src/post/cleanup.ts
/**
 * The `post:` step (post-if: always()). If the main step started a canary and did not finish it (killed,
 * timed out, cancelled past the grace period), roll it back so the stage serves what it served before.
 * Loaded with a dynamic import() only when there is something to clean up.
 */






/** What the post step found and did, for the log and the job summary. */
async function cleanUpPendingCanary(pending) {
    const gateway = aws_gateway/* Gateway */.x.open(pending);
    try {
        const { restApiId, stageName } = pending;
        const stage = await gateway.getStage(restApiId, stageName);
        const where = `stage "${stageName}" of REST API ${restApiId}`;
        let done;
        const action = cleanupAction(stage, pending);
        switch (action) {
            case 'none':
                done = `The main step's canary on ${where} is gone already: nothing to do.`;
                core/* info */.pq(done);
                break;
            case 'foreign':
                done = `${where} has a canary (deployment ${stage?.canarySettings?.deploymentId}) that this run did not create: left it.`;
                core/* warning */.$e(done);
                break;
            case 'finish-promotion':
                await gateway.updateStage(restApiId, stageName, (0,plan/* removeCanaryOps */.nu)());
                done = `The canary on ${where} had been promoted; removed its leftover settings.`;
                core/* info */.pq(done);
                break;
            case 'rollback':
                core/* warning */.$e(`The main step did not finish its canary on ${where}: rolling it back.`);
                await (0,finish/* rollBack */.F)({ gateway, restApiId, stageName }, stage?.canarySettings);
                done = `Rolled back the canary the main step left on ${where}: it serves deployment ${pending.baseDeploymentId}, as before the run.`;
                core/* info */.pq(done);
                break;
        }
        (0,state/* clearPendingCanary */.p6)();
        return { action, done };
    }
    finally {
        gateway.destroy();
    }
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
