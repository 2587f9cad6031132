export const id = 635;
export const ids = [635];
export const modules = {

/***/ 6297:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  I: () => (/* binding */ callAws)
});

// UNUSED EXPORTS: MAX_ATTEMPT_MS

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
// 500, 502 and 504 are transient for AWS, as 503 is: the SDK's standard retry strategy retries them
// (@smithy/core, retry/service-error-classification/constants.js: TRANSIENT_ERROR_STATUS_CODES). 501 means "not implemented".
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);
// A reset or timed-out connection may pass on the next attempt; a refused one means a wrong endpoint.
const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED']);
const RETRYABLE_KINDS = new Set(['throttled', 'conflict', 'unavailable', 'network']);
// The request may have reached AWS and been applied even though no answer came back.
const AMBIGUOUS_KINDS = new Set(['unavailable', 'network']);
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
    if (UNAVAILABLE_CODES.has(name) || (error.status !== undefined && TRANSIENT_STATUSES.has(error.status)))
        return 'unavailable';
    if (name === 'ConflictException' && /concurrent modification/i.test(message))
        return 'conflict';
    if ((error.code !== undefined && RETRYABLE_NETWORK_CODES.has(error.code)) || name === 'TimeoutError')
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
/**
 * Whether the call may have been applied although it failed: a lost connection, a timeout or a 5xx. A
 * non-idempotent call (CreateDeployment) is then looked up before it is sent again.
 */
function isAmbiguous(error) {
    return AMBIGUOUS_KINDS.has(classify(error));
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
 * this is the one policy in force.
 *
 * - Every attempt has a timeout bounded by what is left of the deadline, so a silent endpoint cannot hold
 *   the step longer than `retry-deadline-seconds` (the SDK's own request timeout only logs a warning).
 * - After an ambiguous failure (the request may have been applied: a lost connection, a timeout, a 5xx)
 *   the caller's `reconcile` finds out before anything is sent again, so a non-idempotent call is never
 *   applied twice, and an applied change is reported as applied.
 * - A cancelled run stops waiting at once.
 */






/** No single attempt waits longer than this, so a hung connection still leaves time for a retry. */
const MAX_ATTEMPT_MS = 30_000;
async function callAws(operation, send, options) {
    const started = Date.now();
    const left = () => options.deadlineMs - (Date.now() - started);
    for (let attempt = 1;; attempt++) {
        if (options.signal?.aborted)
            throw new errors/* ActionError */.lZ(`${operation} was not sent: the run was cancelled (${(0,errors/* errorMessage */.gJ)(options.signal.reason)}).`, {
                operation
            });
        const attemptMs = Math.max(1, Math.min(left(), MAX_ATTEMPT_MS));
        const timeout = AbortSignal.timeout(attemptMs);
        let error;
        try {
            core/* debug */.Yz(`AWS ${operation} (attempt ${attempt})`);
            return await send(timeout);
        }
        catch (caught) {
            error = timeout.aborted ? timedOut(attemptMs, caught) : caught;
        }
        const facts = errorFacts(error);
        if (options.reconcile && isAmbiguous(facts)) {
            const found = await reconcileQuietly(operation, options.reconcile, left());
            if (found !== undefined) {
                core/* info */.pq(`${operation}: the answer was lost (${facts.name ?? facts.code}), but the call had taken effect.`);
                return found;
            }
        }
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
/** A timed-out attempt, as an error the classification knows (transient, ambiguous). */
function timedOut(ms, cause) {
    return Object.assign(new Error(`no answer within ${(ms / 1000).toFixed(1)} s`, { cause }), {
        name: 'TimeoutError',
        code: 'ETIMEDOUT'
    });
}
/** A failed look-up proves nothing: it counts as "not applied", and the call is sent again. */
async function reconcileQuietly(operation, reconcile, deadlineMs) {
    if (deadlineMs <= 0)
        return undefined;
    try {
        return await reconcile(deadlineMs);
    }
    catch (error) {
        core/* debug */.Yz(`${operation}: could not tell whether the call took effect: ${(0,errors/* errorMessage */.gJ)(error)}`);
        return undefined;
    }
}


/***/ }),

/***/ 2923:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ newDeploymentToken),
/* harmony export */   x: () => (/* binding */ Gateway)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(818);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(311);
/* harmony import */ var _call_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6297);
/* harmony import */ var _proxy_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1373);
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
        const client = new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_5__/* .APIGatewayClient */ .UR2({
            region: options.region,
            endpoint: options.endpointUrl,
            customUserAgent: _version_js__WEBPACK_IMPORTED_MODULE_6__/* .USER_AGENT */ ._,
            // callAws retries; SDK retries on top would multiply the attempts and ignore the deadline.
            maxAttempts: 1,
            requestHandler: {
                connectionTimeout: 10_000,
                ...(0,_proxy_js__WEBPACK_IMPORTED_MODULE_4__/* .proxyAgents */ .Hd)((0,_proxy_js__WEBPACK_IMPORTED_MODULE_4__/* .serviceEndpoint */ .Xf)('apigateway', options.region, options.endpointUrl))
            }
        });
        return new Gateway(client, options, true);
    }
    /** The same client, deaf to cancellation: for the rollback that a cancellation itself starts. */
    withoutCancellation() {
        return new Gateway(this.client, { ...this.options, signal: undefined }, false);
    }
    call(operation, restApiId, send, extra = {}) {
        return (0,_call_js__WEBPACK_IMPORTED_MODULE_3__/* .callAws */ .I)(operation, send, {
            deadlineMs: extra.deadlineMs ?? this.options.retryDeadlineSeconds * 1000,
            context: { region: this.options.region, restApiId },
            signal: this.options.signal,
            reconcile: extra.reconcile
        });
    }
    /** The id of the one REST API with this name (GetRestApis, all pages). */
    async findRestApiId(name) {
        const matches = [];
        let position;
        do {
            const page = await this.call('GetRestApis', undefined, abortSignal => this.client.send(new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_5__/* .GetRestApisCommand */ .hwD({ limit: 500, position }), { abortSignal }));
            for (const api of page.items ?? [])
                if (api.name === name && api.id)
                    matches.push(api.id);
            position = page.position;
        } while (position);
        if (matches.length === 1)
            return matches[0];
        if (matches.length === 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Input "rest-api-name": no REST API named "${name}" in ${this.options.region}. Check the name and "aws-region", or use "rest-api-id".`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Input "rest-api-name": ${matches.length} REST APIs are named "${name}" in ${this.options.region} (ids ${matches.join(', ')}). Use "rest-api-id" to pick one.`);
    }
    /**
     * The API's name, for the log and the summary; undefined when it cannot be read (a role without
     * apigateway:GET on the API itself still deploys).
     */
    async restApiName(restApiId) {
        try {
            const api = await this.call('GetRestApi', restApiId, () => this.client.send(new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_5__/* .GetRestApiCommand */ .Wy4({ restApiId })));
            return api.name;
        }
        catch (error) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`The API's name is unknown: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`);
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
            return await this.call('GetStage', restApiId, abortSignal => this.client.send(new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_5__/* .GetStageCommand */ .aOX({ restApiId, stageName }), { abortSignal }));
        }
        catch (error) {
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ) || error.code !== 'NotFoundException')
                throw error;
            if (/stage identifier/i.test((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error.cause)))
                return undefined;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Input "rest-api-id": REST API ${restApiId} does not exist in ${this.options.region} (GetStage: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error.cause)}). Check "rest-api-id" and "aws-region". Nothing was changed.`, { operation: 'GetStage', code: error.code, cause: error.cause });
        }
    }
    /** The stage as it is now, or `read: false` when even that fails: for telling the truth after a failure. */
    async tryGetStage(restApiId, stageName) {
        try {
            return { read: true, stage: await this.getStage(restApiId, stageName) };
        }
        catch (error) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`GetStage after a failure: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`);
            return { read: false };
        }
    }
    /**
     * CreateDeployment is not idempotent: each one carries a unique token at the end of its description, and
     * after an ambiguous failure the deployments are searched for it before the call is sent again. The caller
     * may pass the token, so that the post step can find a deployment whose answer never arrived.
     */
    async createDeployment(request, token = newDeploymentToken()) {
        const restApiId = request.restApiId;
        const marked = { ...request, description: withToken(request.description, token) };
        const deployment = await this.call('CreateDeployment', restApiId, abortSignal => this.client.send(new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_5__/* .CreateDeploymentCommand */ .ttP(marked), { abortSignal }), {
            reconcile: deadlineMs => this.findDeployment(restApiId, token, deadlineMs)
        });
        if (!deployment.id)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ('CreateDeployment returned no deployment id.');
        return { ...deployment, id: deployment.id };
    }
    /** The deployment whose description carries `token`, if one exists (GetDeployments, all pages). */
    async findDeployment(restApiId, token, deadlineMs) {
        let position;
        do {
            const page = await this.call('GetDeployments', restApiId, abortSignal => this.client.send(new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_5__/* .GetDeploymentsCommand */ ._1U({ restApiId, limit: 500, position }), { abortSignal }), { deadlineMs });
            const found = page.items?.find(d => d.id && hasToken(d.description, token));
            if (found?.id)
                return { ...found, id: found.id };
            position = page.position;
        } while (position);
        return undefined;
    }
    /**
     * UpdateStage. `applied` tells, from the stage as it is, whether these operations have taken effect: after
     * an ambiguous failure the stage is read again and, if they have, the call is not sent twice (a second
     * "remove /canarySettings" would be refused, and the run would report a change as not made).
     */
    async updateStage(restApiId, stageName, patchOperations, applied) {
        return this.call('UpdateStage', restApiId, abortSignal => this.client.send(new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_5__/* .UpdateStageCommand */ .hJS({ restApiId, stageName, patchOperations }), { abortSignal }), {
            reconcile: applied
                ? async (deadlineMs) => {
                    const stage = await this.getStageWithin(restApiId, stageName, deadlineMs);
                    return stage && applied(stage) ? stage : undefined;
                }
                : undefined
        });
    }
    /** Deletes a deployment. NotFound after a lost answer means the first attempt deleted it. */
    async deleteDeployment(restApiId, deploymentId) {
        await this.call('DeleteDeployment', restApiId, abortSignal => this.client.send(new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_5__/* .DeleteDeploymentCommand */ .Esf({ restApiId, deploymentId }), { abortSignal }), {
            reconcile: async (deadlineMs) => (await this.deploymentExists(restApiId, deploymentId, deadlineMs)) ? undefined : {}
        });
    }
    async deploymentExists(restApiId, deploymentId, deadlineMs) {
        try {
            await this.call('GetDeployment', restApiId, abortSignal => this.client.send(new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_5__/* .GetDeploymentCommand */ .Tvn({ restApiId, deploymentId }), { abortSignal }), { deadlineMs });
            return true;
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ && error.code === 'NotFoundException')
                return false;
            throw error;
        }
    }
    /** Every stage of the API, to tell whether a deployment is still used (GetStages returns them all). */
    async getStages(restApiId) {
        const stages = await this.call('GetStages', restApiId, abortSignal => this.client.send(new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_5__/* .GetStagesCommand */ .pY7({ restApiId }), { abortSignal }));
        return stages.item ?? [];
    }
    async getStageWithin(restApiId, stageName, deadlineMs) {
        try {
            return await this.call('GetStage', restApiId, abortSignal => this.client.send(new _aws_sdk_client_api_gateway__WEBPACK_IMPORTED_MODULE_5__/* .GetStageCommand */ .aOX({ restApiId, stageName }), { abortSignal }), { deadlineMs });
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ && error.code === 'NotFoundException')
                return undefined;
            throw error;
        }
    }
    destroy() {
        if (this.ownsClient)
            this.client.destroy();
    }
}
/** A short random token that marks one CreateDeployment call. */
function newDeploymentToken() {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(4).toString('hex');
}
function withToken(description, token) {
    return description ? `${description} [${token}]` : `[${token}]`;
}
function hasToken(description, token) {
    return description?.endsWith(`[${token}]`) ?? false;
}


/***/ }),

/***/ 1373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hd: () => (/* binding */ proxyAgents),
/* harmony export */   Xf: () => (/* binding */ serviceEndpoint)
/* harmony export */ });
/* unused harmony export proxyFor */
/* harmony import */ var hpagent__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9611);
/* harmony import */ var proxy_from_env__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8182);
/* harmony import */ var _urls_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5769);



/** The proxy URL for this endpoint, or undefined to connect directly. */
function proxyFor(url) {
    return (0,proxy_from_env__WEBPACK_IMPORTED_MODULE_2__/* .getProxyForUrl */ .T)(url) || undefined;
}
/** The service's endpoint: the given one (an emulator), else the regional AWS endpoint. */
function serviceEndpoint(service, region, endpointUrl) {
    return endpointUrl ?? `https://${service}.${region}.${(0,_urls_js__WEBPACK_IMPORTED_MODULE_1__/* .dnsSuffix */ .T3)(region)}`;
}
/** Agents for the SDK's NodeHttpHandler: both set, since a proxy may serve http and https endpoints. */
function proxyAgents(endpoint) {
    const proxy = proxyFor(endpoint);
    if (!proxy)
        return undefined;
    const options = { proxy, keepAlive: true };
    return { httpAgent: new hpagent__WEBPACK_IMPORTED_MODULE_0__/* .HttpProxyAgent */ .sH(options), httpsAgent: new hpagent__WEBPACK_IMPORTED_MODULE_0__/* .HttpsProxyAgent */ .bW(options) };
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
/**
 * The two ways a canary ends: promoted (the stage serves it) or rolled back (removed and deleted). After a
 * failed call the stage is read again, so what the log says is what the stage is.
 */





function send(ref, what, call) {
    return ref.record ? ref.record.sending(what, call) : call();
}
/** Promotes the stage's canary (at the end of a release, and for `command: promote-canary`). */
async function promote(ref, canary, stageDescription) {
    const { gateway, restApiId, stageName } = ref;
    await send(ref, 'UpdateStage (promote)', () => gateway.updateStage(restApiId, stageName, (0,_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .promoteOps */ .R_)(canary, stageDescription), stage => stage?.deploymentId === canary.deploymentId));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Promoted: stage "${stageName}" now serves deployment ${canary.deploymentId}.`);
    (0,_post_state_js__WEBPACK_IMPORTED_MODULE_3__/* .clearPendingCanary */ .p6)();
    try {
        // Promoted: what is left is tidying up, which a cancellation arriving now must not stop.
        await gateway
            .withoutCancellation()
            .updateStage(restApiId, stageName, (0,_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .removeCanaryOps */ .nu)(), stage => !stage?.canarySettings);
    }
    catch (error) {
        // Safe as it is: the stage serves the promoted deployment and the canary gets 0% of traffic.
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`The canary was promoted but its settings could not be removed (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}). It takes 0% of traffic; the next run with "canary-existing: replace" removes it.`);
    }
}
/** Removes the canary from the stage and deletes its deployment. */
async function rollBack(ref, canary) {
    const { gateway, restApiId, stageName } = ref;
    try {
        await send(ref, 'UpdateStage (rollback)', () => gateway.updateStage(restApiId, stageName, (0,_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .removeCanaryOps */ .nu)(), stage => !stage?.canarySettings));
    }
    catch (error) {
        const now = await gateway.tryGetStage(restApiId, stageName);
        if (now.read && !now.stage?.canarySettings)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Removing the canary answered ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error).split('\n')[0]}, but the stage has no canary now.`);
        else
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Rolling back the canary on stage "${stageName}" failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}\n` +
                (now.read
                    ? `The canary (deployment ${now.stage?.canarySettings?.deploymentId}) still takes ${now.stage?.canarySettings?.percentTraffic ?? 0}% of traffic`
                    : `The stage could not be read again, so the canary (deployment ${canary?.deploymentId}) may still take traffic`) +
                ': run this action with "command: rollback-canary", or remove it in the console.', { cause: error });
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
