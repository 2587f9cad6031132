export const id = 482;
export const ids = [482];
export const modules = {

/***/ 4482:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  execute: () => (/* binding */ execute),
  executePost: () => (/* binding */ executePost)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/version.ts
/** Sent as the SDK's custom user agent, so CloudTrail shows which tool made the calls. */
const ACTION_VERSION = '0.1.0';
const USER_AGENT = `apigateway-deploy-action/${ACTION_VERSION}`;

;// CONCATENATED MODULE: ./src/sleep.ts
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
            await sleep(delay, options.signal);
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

// EXTERNAL MODULE: ./node_modules/hpagent/index.mjs
var hpagent = __webpack_require__(9611);
// EXTERNAL MODULE: ./node_modules/proxy-from-env/index.js
var proxy_from_env = __webpack_require__(8182);
// EXTERNAL MODULE: ./src/urls.ts
var urls = __webpack_require__(5769);
;// CONCATENATED MODULE: ./src/aws/proxy.ts



/** The proxy URL for this endpoint, or undefined to connect directly. */
function proxyFor(url) {
    return (0,proxy_from_env/* getProxyForUrl */.T)(url) || undefined;
}
/** The service's endpoint: the given one (an emulator), else the regional AWS endpoint. */
function serviceEndpoint(service, region, endpointUrl) {
    return endpointUrl ?? `https://${service}.${region}.${(0,urls/* dnsSuffix */.T3)(region)}`;
}
/** Agents for the SDK's NodeHttpHandler: both set, since a proxy may serve http and https endpoints. */
function proxyAgents(endpoint) {
    const proxy = proxyFor(endpoint);
    if (!proxy)
        return undefined;
    const options = { proxy, keepAlive: true };
    return { httpAgent: new hpagent/* HttpProxyAgent */.sH(options), httpsAgent: new hpagent/* HttpsProxyAgent */.bW(options) };
}

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
            customUserAgent: USER_AGENT,
            maxAttempts: 1,
            requestHandler: {
                connectionTimeout: 10_000,
                ...proxyAgents(serviceEndpoint('monitoring', this.options.region, this.options.endpointUrl))
            }
        }));
        const states = new Map();
        for (let i = 0; i < this.names.length; i += NAMES_PER_CALL) {
            const AlarmNames = this.names.slice(i, i + NAMES_PER_CALL);
            const page = await callAws('DescribeAlarms', () => client.send(new sdk.DescribeAlarmsCommand({
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

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-api-gateway/dist-cjs/index.js
var dist_cjs = __webpack_require__(818);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/aws/gateway.ts
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
        const client = new dist_cjs/* APIGatewayClient */.UR2({
            region: options.region,
            endpoint: options.endpointUrl,
            customUserAgent: USER_AGENT,
            // callAws retries; SDK retries on top would multiply the attempts and ignore the deadline.
            maxAttempts: 1,
            requestHandler: {
                connectionTimeout: 10_000,
                ...proxyAgents(serviceEndpoint('apigateway', options.region, options.endpointUrl))
            }
        });
        return new Gateway(client, options, true);
    }
    /** The same client, deaf to cancellation: for the rollback that a cancellation itself starts. */
    withoutCancellation() {
        return new Gateway(this.client, { ...this.options, signal: undefined }, false);
    }
    call(operation, restApiId, send, extra = {}) {
        return callAws(operation, send, {
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
            const page = await this.call('GetRestApis', undefined, abortSignal => this.client.send(new dist_cjs/* GetRestApisCommand */.hwD({ limit: 500, position }), { abortSignal }));
            for (const api of page.items ?? [])
                if (api.name === name && api.id)
                    matches.push(api.id);
            position = page.position;
        } while (position);
        if (matches.length === 1)
            return matches[0];
        if (matches.length === 0)
            throw new errors/* ActionError */.lZ(`Input "rest-api-name": no REST API named "${name}" in ${this.options.region}. Check the name and "aws-region", or use "rest-api-id".`);
        throw new errors/* ActionError */.lZ(`Input "rest-api-name": ${matches.length} REST APIs are named "${name}" in ${this.options.region} (ids ${matches.join(', ')}). Use "rest-api-id" to pick one.`);
    }
    /**
     * The API's name, for the log and the summary; undefined when it cannot be read (a role without
     * apigateway:GET on the API itself still deploys).
     */
    async restApiName(restApiId) {
        try {
            const api = await this.call('GetRestApi', restApiId, () => this.client.send(new dist_cjs/* GetRestApiCommand */.Wy4({ restApiId })));
            return api.name;
        }
        catch (error) {
            core/* debug */.Yz(`The API's name is unknown: ${(0,errors/* errorMessage */.gJ)(error)}`);
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
            return await this.call('GetStage', restApiId, abortSignal => this.client.send(new dist_cjs/* GetStageCommand */.aOX({ restApiId, stageName }), { abortSignal }));
        }
        catch (error) {
            if (!(error instanceof errors/* ActionError */.lZ) || error.code !== 'NotFoundException')
                throw error;
            if (/stage identifier/i.test((0,errors/* errorMessage */.gJ)(error.cause)))
                return undefined;
            throw new errors/* ActionError */.lZ(`Input "rest-api-id": REST API ${restApiId} does not exist in ${this.options.region} (GetStage: ${(0,errors/* errorMessage */.gJ)(error.cause)}). Check "rest-api-id" and "aws-region". Nothing was changed.`, { operation: 'GetStage', code: error.code, cause: error.cause });
        }
    }
    /** The stage as it is now, or `read: false` when even that fails: for telling the truth after a failure. */
    async tryGetStage(restApiId, stageName) {
        try {
            return { read: true, stage: await this.getStage(restApiId, stageName) };
        }
        catch (error) {
            core/* debug */.Yz(`GetStage after a failure: ${(0,errors/* errorMessage */.gJ)(error)}`);
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
        const deployment = await this.call('CreateDeployment', restApiId, abortSignal => this.client.send(new dist_cjs/* CreateDeploymentCommand */.ttP(marked), { abortSignal }), {
            reconcile: deadlineMs => this.findDeployment(restApiId, token, deadlineMs)
        });
        if (!deployment.id)
            throw new errors/* ActionError */.lZ('CreateDeployment returned no deployment id.');
        return { ...deployment, id: deployment.id };
    }
    /** The deployment whose description carries `token`, if one exists (GetDeployments, all pages). */
    async findDeployment(restApiId, token, deadlineMs) {
        let position;
        do {
            const page = await this.call('GetDeployments', restApiId, abortSignal => this.client.send(new dist_cjs/* GetDeploymentsCommand */._1U({ restApiId, limit: 500, position }), { abortSignal }), { deadlineMs });
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
        return this.call('UpdateStage', restApiId, abortSignal => this.client.send(new dist_cjs/* UpdateStageCommand */.hJS({ restApiId, stageName, patchOperations }), { abortSignal }), {
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
        await this.call('DeleteDeployment', restApiId, abortSignal => this.client.send(new dist_cjs/* DeleteDeploymentCommand */.Esf({ restApiId, deploymentId }), { abortSignal }), {
            reconcile: async (deadlineMs) => (await this.deploymentExists(restApiId, deploymentId, deadlineMs)) ? undefined : {}
        });
    }
    async deploymentExists(restApiId, deploymentId, deadlineMs) {
        try {
            await this.call('GetDeployment', restApiId, abortSignal => this.client.send(new dist_cjs/* GetDeploymentCommand */.Tvn({ restApiId, deploymentId }), { abortSignal }), { deadlineMs });
            return true;
        }
        catch (error) {
            if (error instanceof errors/* ActionError */.lZ && error.code === 'NotFoundException')
                return false;
            throw error;
        }
    }
    /** Every stage of the API, to tell whether a deployment is still used (GetStages returns them all). */
    async getStages(restApiId) {
        const stages = await this.call('GetStages', restApiId, abortSignal => this.client.send(new dist_cjs/* GetStagesCommand */.pY7({ restApiId }), { abortSignal }));
        return stages.item ?? [];
    }
    async getStageWithin(restApiId, stageName, deadlineMs) {
        try {
            return await this.call('GetStage', restApiId, abortSignal => this.client.send(new dist_cjs/* GetStageCommand */.aOX({ restApiId, stageName }), { abortSignal }), { deadlineMs });
        }
        catch (error) {
            if (error instanceof errors/* ActionError */.lZ && error.code === 'NotFoundException')
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
    return (0,external_node_crypto_.randomBytes)(4).toString('hex');
}
function withToken(description, token) {
    return description ? `${description} [${token}]` : `[${token}]`;
}
function hasToken(description, token) {
    return description?.endsWith(`[${token}]`) ?? false;
}

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

;// CONCATENATED MODULE: ./src/canary/plan.ts
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
            const count = probesForStep(percent, check.probes);
            if (count > check.probes)
                core/* info */.pq(`Raised health-check-probes from ${check.probes} to ${count} for ${percent}%.`);
            core/* info */.pq(`Sending ${count} probes a round (${check.concurrency} at a time) to ${url}; the canary gets ${percent}% of them at random (chance it gets none: ${(chanceCanaryMissed(percent, count) * 100).toPrecision(2)}%).`);
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

// EXTERNAL MODULE: ./src/post/pending.ts
var post_pending = __webpack_require__(9449);
;// CONCATENATED MODULE: ./src/post/state.ts
/**
 * What the main step leaves for the `post:` step (core.saveState): the canary it started and has not
 * finished. The post step reads it, and rolls that canary back if the main step was killed mid-way.
 */


/**
 * The main step's record of its canary, kept in the state file as it goes: every change is marked as in
 * flight before it is sent and unmarked once answered, so the post step knows what may still land.
 */
class CanaryRecord {
    pending;
    constructor(pending) {
        this.pending = pending;
        savePendingCanary(pending);
    }
    update(fields) {
        this.pending = { ...this.pending, ...fields };
        savePendingCanary(this.pending);
    }
    /** Sends a change; an unanswered one (killed, failed) stays marked as in flight. */
    async sending(what, send) {
        this.update({ inFlight: what });
        const answer = await send();
        this.update({ inFlight: undefined });
        return answer;
    }
}
function savePendingCanary(pending) {
    core/* saveState */.LZ(post_pending/* PENDING_CANARY_KEY */.$, JSON.stringify(pending));
}
/** The canary is finished (promoted, rolled back, or left running on purpose): nothing for the post step. */
function clearPendingCanary() {
    core/* saveState */.LZ(post_pending/* PENDING_CANARY_KEY */.$, '');
}

;// CONCATENATED MODULE: ./src/deploy/delete-unused.ts
/** Deleting a deployment that no stage uses, so a failed or rolled-back run leaves nothing behind. */


/** Deletes the deployment; says what happened, never throws (a leftover snapshot serves nothing). */
async function deleteQuietly(gateway, restApiId, deploymentId) {
    try {
        await gateway.deleteDeployment(restApiId, deploymentId);
        return `Deleted the unused deployment ${deploymentId}.`;
    }
    catch (error) {
        core/* debug */.Yz(`DeleteDeployment ${deploymentId}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        return `Deployment ${deploymentId} was not deleted (${error.code ?? 'error'}); delete it once no stage uses it.`;
    }
}

;// CONCATENATED MODULE: ./src/canary/finish.ts
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
    await send(ref, 'UpdateStage (promote)', () => gateway.updateStage(restApiId, stageName, promoteOps(canary, stageDescription), stage => stage?.deploymentId === canary.deploymentId));
    core/* info */.pq(`Promoted: stage "${stageName}" now serves deployment ${canary.deploymentId}.`);
    clearPendingCanary();
    try {
        // Promoted: what is left is tidying up, which a cancellation arriving now must not stop.
        await gateway
            .withoutCancellation()
            .updateStage(restApiId, stageName, removeCanaryOps(), stage => !stage?.canarySettings);
    }
    catch (error) {
        // Safe as it is: the stage serves the promoted deployment and the canary gets 0% of traffic.
        core/* warning */.$e(`The canary was promoted but its settings could not be removed (${(0,errors/* errorMessage */.gJ)(error)}). It takes 0% of traffic; the next run with "canary-existing: replace" removes it.`);
    }
}
/** Removes the canary from the stage and deletes its deployment. */
async function rollBack(ref, canary) {
    const { gateway, restApiId, stageName } = ref;
    try {
        await send(ref, 'UpdateStage (rollback)', () => gateway.updateStage(restApiId, stageName, removeCanaryOps(), stage => !stage?.canarySettings));
    }
    catch (error) {
        const now = await gateway.tryGetStage(restApiId, stageName);
        if (now.read && !now.stage?.canarySettings)
            core/* info */.pq(`Removing the canary answered ${(0,errors/* errorMessage */.gJ)(error).split('\n')[0]}, but the stage has no canary now.`);
        else
            throw new errors/* ActionError */.lZ(`Rolling back the canary on stage "${stageName}" failed: ${(0,errors/* errorMessage */.gJ)(error)}\n` +
                (now.read
                    ? `The canary (deployment ${now.stage?.canarySettings?.deploymentId}) still takes ${now.stage?.canarySettings?.percentTraffic ?? 0}% of traffic`
                    : `The stage could not be read again, so the canary (deployment ${canary?.deploymentId}) may still take traffic`) +
                ': run this action with "command: rollback-canary", or remove it in the console.', { cause: error });
    }
    const cleanup = canary?.deploymentId ? await deleteQuietly(gateway, restApiId, canary.deploymentId) : '';
    core/* info */.pq(`Rolled back: removed the canary from stage "${stageName}". ${cleanup}`);
}

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
            await sleep(Math.max(0, Math.min(roundStarted + plan.intervalMs, deadline) - Date.now()), signal);
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
        await rollBack(context, stage.canarySettings);
    // The stage's own variables stay with the base deployment; changed ones ride on the canary and land on
    // the stage when it is promoted (promotion copies the overrides into /variables).
    const overrides = { ...changedVariables(stage, deployment.stageVariables), ...canary.stageVariables };
    const canaryToken = newDeploymentToken();
    const record = new CanaryRecord({
        restApiId,
        stageName,
        ...context.connection,
        baseDeploymentId,
        canaryToken
    });
    const [firstPercent] = canary.steps;
    const created = await record.sending('CreateDeployment', () => gateway.createDeployment(canaryDeploymentRequest({
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
                await record.sending('UpdateStage (shift)', () => gateway.updateStage(restApiId, stageName, shiftTrafficOps(percent), stage => stage?.canarySettings?.percentTraffic === percent));
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
            clearPendingCanary();
            core/* info */.pq(`Leaving the canary at ${canary.steps[canary.steps.length - 1]}% (promote: false). Finish it with "command: promote-canary" or "command: rollback-canary".`);
            return running;
        }
        signal.throwIfAborted();
        await promote(context, { deploymentId: created.id, stageVariableOverrides: overrides }, deployment.stageDescription);
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
        await rollBack({ ...context, gateway: context.gateway.withoutCancellation() }, { deploymentId: result.canaryDeploymentId });
    }
    catch (error) {
        return { ...result, failure: `Canary not rolled back: ${reason}. ${(0,errors/* errorMessage */.gJ)(error)}` };
    }
    clearPendingCanary();
    return {
        ...result,
        canaryResult: 'rolled-back',
        deploymentId: baseDeploymentId,
        failure: `Canary rolled back: ${reason}. Stage "${result.stageName}" serves deployment ${baseDeploymentId}, as before the run.`
    };
}

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
        core/* info */.pq(`Removed the earlier canary (deployment ${stage.canarySettings.deploymentId}). ${await deleteQuietly(gateway, restApiId, stage.canarySettings.deploymentId)}`);
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
    const cleanup = await deleteQuietly(gateway, restApiId, created);
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
    await promote(context, { deploymentId: canary.deploymentId, stageVariableOverrides: canary.stageVariableOverrides }, stageDescription);
    return { ...result, deploymentId: canary.deploymentId, canaryResult: 'promoted' };
}
async function rollbackCanaryCommand(context) {
    const { result, canary } = start(context, 'rollback-canary');
    if (!canary) {
        core/* notice */.lm(`Stage "${context.stageName}" has no canary: nothing to roll back.`);
        return result;
    }
    await rollBack(context, canary);
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
 * handler. Loaded with a dynamic import(), so the AWS SDK is only loaded once the inputs have passed
 * validation.
 */






const HANDLERS = {
    deploy: (context, inputs) => deploy(context, inputs),
    'promote-canary': (context, inputs) => core/* group */.Os(`promote-canary on stage "${context.stageName}"`, () => promoteCanaryCommand(context, inputs.deployment.stageDescription)),
    'rollback-canary': context => core/* group */.Os(`rollback-canary on stage "${context.stageName}"`, () => rollbackCanaryCommand(context))
};
async function dispatch(inputs, signal) {
    const { target } = inputs;
    const gateway = Gateway.open({ ...target, signal });
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

// EXTERNAL MODULE: ./src/inputs/index.ts + 6 modules
var src_inputs = __webpack_require__(5243);
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

;// CONCATENATED MODULE: ./src/post/cleanup.ts
/**
 * The `post:` step (post-if: always()). If the main step started a canary and did not finish it (killed,
 * timed out, cancelled past the grace period), roll it back so the stage serves what it served before.
 * Loaded with a dynamic import() only when there is something to clean up.
 */








/** How long a change the main step sent just before it died may take to land. */
const IN_FLIGHT_GRACE_MS = 6_000;
const POLL_MS = 1_000;
/** What the post step found and did, for the log and the job summary. */
async function cleanUpPendingCanary(pending, graceMs = IN_FLIGHT_GRACE_MS) {
    const gateway = Gateway.open(pending);
    try {
        const { restApiId, stageName } = pending;
        const where = `stage "${stageName}" of REST API ${restApiId}`;
        const stage = pending.inFlight
            ? await settledStage(gateway, pending, graceMs)
            : await gateway.getStage(restApiId, stageName);
        const action = cleanupAction(stage, pending);
        let done;
        switch (action) {
            case 'none':
                done = `The main step's canary on ${where} is gone already. ${await deleteUnusedCanary(gateway, pending)}`;
                core/* info */.pq(done);
                break;
            case 'foreign':
                done = `${where} has a canary (deployment ${stage?.canarySettings?.deploymentId}) that this run did not create: left it.`;
                core/* warning */.$e(done);
                break;
            case 'finish-promotion':
                await gateway.updateStage(restApiId, stageName, removeCanaryOps(), now => !now?.canarySettings);
                done = `The canary on ${where} had been promoted; removed its leftover settings.`;
                core/* info */.pq(done);
                break;
            case 'rollback': {
                core/* warning */.$e(`The main step did not finish its canary on ${where}: rolling it back.`);
                await rollBack({ gateway, restApiId, stageName }, stage?.canarySettings);
                const after = await gateway.tryGetStage(restApiId, stageName);
                done = after.read
                    ? `Rolled back the canary the main step left on ${where}: it serves deployment ${after.stage?.deploymentId}${after.stage?.deploymentId === pending.baseDeploymentId ? ', as before the run' : ''}.`
                    : `Rolled back the canary the main step left on ${where}.`;
                core/* info */.pq(done);
                break;
            }
        }
        clearPendingCanary();
        return { action, done };
    }
    finally {
        gateway.destroy();
    }
}
/**
 * The main step died with a change in flight (a CreateDeployment or UpdateStage sent, no answer seen): it
 * may still land. Read the stage until two reads a second apart agree, for at most `graceMs`.
 */
async function settledStage(gateway, pending, graceMs) {
    core/* info */.pq(`The main step had sent ${pending.inFlight} without seeing the answer: waiting up to ${graceMs / 1000} s for it to land.`);
    const deadline = Date.now() + graceMs;
    let stage = await gateway.getStage(pending.restApiId, pending.stageName);
    while (Date.now() < deadline) {
        await sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
        const next = await gateway.getStage(pending.restApiId, pending.stageName);
        const same = fingerprint(next) === fingerprint(stage);
        stage = next;
        // A canary CreateDeployment that landed shows on the stage: no need to wait longer.
        if (same && (pending.inFlight !== 'CreateDeployment' || stage?.canarySettings))
            break;
    }
    return stage;
}
function fingerprint(stage) {
    return JSON.stringify([stage?.deploymentId, stage?.canarySettings]);
}
/**
 * The canary's deployment, when no stage uses it: deleted. Its id may never have reached the state (the
 * answer to CreateDeployment was lost), so it is also looked up by the token its description carries.
 */
async function deleteUnusedCanary(gateway, pending) {
    const { restApiId } = pending;
    const id = pending.canaryDeploymentId ??
        (pending.canaryToken ? (await gateway.findDeployment(restApiId, pending.canaryToken))?.id : undefined);
    if (!id)
        return 'No canary deployment was created.';
    if (!(await gateway.deploymentExists(restApiId, id)))
        return `Its deployment ${id} is gone too.`;
    const users = (await gateway.getStages(restApiId)).filter(s => s.deploymentId === id || s.canarySettings?.deploymentId === id);
    if (users.length > 0)
        return `Its deployment ${id} is used by stage ${users.map(s => s.stageName).join(', ')}: kept.`;
    return deleteQuietly(gateway, restApiId, id);
}

;// CONCATENATED MODULE: ./src/secrets.ts
/**
 * Secrets from the inputs (probe header values), masked in every form they can take in what the action
 * writes: as given, JSON-escaped (outputs, state), URL-encoded, and HTML-escaped (the job summary). The
 * runner masks registered values in the log; files it does not mask (summary, outputs) go through redact().
 */

const secrets_forms = new Set();
function secretForms(value) {
    const variants = [
        value,
        JSON.stringify(value).slice(1, -1),
        encodeURIComponent(value),
        value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    ];
    return [...new Set(variants)].filter(form => form !== '');
}
function registerSecret(value) {
    for (const form of secretForms(value)) {
        core/* setSecret */.Pq(form);
        secrets_forms.add(form);
    }
}
/** The text with every form of every registered secret replaced by ***. Longest first, so no part is left. */
function redact(text) {
    let out = text;
    for (const form of [...secrets_forms].sort((a, b) => b.length - a.length))
        out = out.split(form).join('***');
    return out;
}
/** The password of a proxy URL in the environment (http://user:password@proxy:3128), which the log must not show. */
function proxySecrets(env) {
    const secrets = [];
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy']) {
        const value = env[name];
        if (!value)
            continue;
        try {
            const { password } = new URL(value.includes('://') ? value : `http://${value}`);
            if (password)
                secrets.push(decodeURIComponent(password));
        }
        catch {
            // Not a URL: the proxy library will not use it either.
        }
    }
    return secrets;
}

;// CONCATENATED MODULE: ./src/report/outputs.ts
/** The step's outputs: always written first, so a later failure (the summary) cannot lose them. */


function setOutputs(result) {
    const outputs = {
        'invoke-url': result.invokeUrl,
        'deployment-id': result.deploymentId,
        'previous-deployment-id': result.previousDeploymentId ?? '',
        'stage-name': result.stageName,
        'rest-api-id': result.restApiId,
        'canary-deployment-id': result.canaryDeploymentId ?? '',
        'canary-result': result.canaryResult,
        'health-report': JSON.stringify(healthReport(result))
    };
    // The outputs file is not masked by the runner: a secret echoed in a probe's failure must not reach it.
    for (const [name, value] of Object.entries(outputs))
        core/* setOutput */.uH(name, redact(value));
}
function healthReport(result) {
    return {
        steps: result.steps.map(s => ({
            percent: s.percent,
            bakeSeconds: s.bakeSeconds,
            probes: s.probes,
            failures: s.failures,
            latencyMs: s.latencyMs ?? null,
            alarms: s.alarms,
            verdict: s.verdict,
            ...(s.note ? { note: s.note } : {})
        }))
    };
}

// EXTERNAL MODULE: ./src/report/summary.ts + 1 modules
var summary = __webpack_require__(5447);
;// CONCATENATED MODULE: ./src/report/write-summary.ts
/** Appends to the job summary through @actions/core; never fails a run that did its work. */



/** The summary file is not masked by the runner: secrets are redacted first. No file: a warning. */
async function writeSummary(html) {
    try {
        await core/* summary */.z.addRaw(redact(html)).write();
    }
    catch (error) {
        core/* warning */.$e(`The job summary was not written: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    finally {
        core/* summary */.z.emptyBuffer();
    }
}

;// CONCATENATED MODULE: ./src/execute.ts
/**
 * Everything after the inputs are valid, loaded by main.ts with a dynamic import() (one chunk with
 * @actions/core and the AWS SDK; importing them statically here keeps them in that one chunk): the
 * secrets masked, the command run, then the outputs (first) and the summary; failures become one line.
 */









async function execute(inputs, control) {
    for (const secret of [...(0,src_inputs/* secretsOf */.F)(inputs), ...proxySecrets(control.env)])
        registerSecret(secret);
    try {
        const result = await dispatch(inputs, control.signal);
        control.progress.finished = true;
        setOutputs(result);
        const { region, endpointUrl } = inputs.target;
        await writeSummary((0,summary/* renderSummary */.Br)(result, { region, endpointUrl, durationMs: Date.now() - control.started }));
        if (result.failure)
            core/* setFailed */.C1(result.failure);
    }
    catch (error) {
        await reportFailure(error, 'API Gateway deploy failed');
    }
}
async function executePost(pending) {
    try {
        const { action, done } = await cleanUpPendingCanary(pending);
        if (action !== 'none')
            await writeSummary((0,summary/* renderFailureSummary */.Fr)('↩️ API Gateway deploy: post step', [done]));
    }
    catch (error) {
        await reportFailure(error, 'API Gateway deploy: post step failed');
    }
}
/** User-facing errors become one clear failure line (and a summary); others keep their stack in debug. */
async function reportFailure(error, title) {
    const message = error instanceof errors/* ActionError */.lZ ? error.message : `Unexpected error: ${(0,errors/* errorMessage */.gJ)(error)}`;
    if (!(error instanceof errors/* ActionError */.lZ))
        core/* debug */.Yz(error?.stack ?? String(error));
    core/* setFailed */.C1(message);
    await writeSummary((0,summary/* renderFailureSummary */.Fr)(`❌ ${title}`, [message]));
}


/***/ })

};
