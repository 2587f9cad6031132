export const id = 731;
export const ids = [731];
export const modules = {

/***/ 5731:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  execute: () => (/* binding */ execute)
});

// UNUSED EXPORTS: describeRun

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: ./src/aws-call.ts + 2 modules
var aws_call = __webpack_require__(2059);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/alarms.ts



// DescribeAlarms takes at most 100 names a call.
const NAMES_PER_CALL = 100;
class AlarmWatcher {
    names;
    options;
    client;
    commands;
    constructor(names, options) {
        this.names = names;
        this.options = options;
    }
    /** The state of each named alarm; fails with a clear error when one does not exist. */
    async states() {
        const sdk = (this.commands ??= await __webpack_require__.e(/* import() */ 85).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19)));
        this.client ??= new sdk.CloudWatchClient({
            region: this.options.region,
            endpoint: this.options.endpointUrl,
            customUserAgent: version/* USER_AGENT */._,
            maxAttempts: 1
        });
        const client = this.client;
        const states = new Map();
        for (let i = 0; i < this.names.length; i += NAMES_PER_CALL) {
            const AlarmNames = this.names.slice(i, i + NAMES_PER_CALL);
            const page = await (0,aws_call/* callAws */.I)('DescribeAlarms', () => client.send(new sdk.DescribeAlarmsCommand({
                AlarmNames,
                AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
                MaxRecords: NAMES_PER_CALL
            })), { deadlineMs: this.options.retryDeadlineSeconds * 1000, context: { region: this.options.region } });
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

// EXTERNAL MODULE: ./src/canary.ts + 1 modules
var src_canary = __webpack_require__(2723);
// EXTERNAL MODULE: ./src/result.ts
var src_result = __webpack_require__(1666);
;// CONCATENATED MODULE: ./src/canary-commands.ts
/**
 * `command: promote-canary` and `command: rollback-canary`: finish a canary that an earlier run left
 * running (`promote: false`), for example after a GitHub environment approval.
 */




async function finishCanary(gateway, inputs, restApiId, stage) {
    const { stageName } = inputs;
    if (!stage?.deploymentId)
        throw new errors/* ActionError */.lZ(`Input "stage-name": stage "${stageName}" does not exist on REST API ${restApiId}, so it has no canary to ${inputs.command === 'promote-canary' ? 'promote' : 'roll back'}.`);
    const result = {
        ...(0,src_result/* resultFor */.T)(inputs, restApiId),
        deploymentId: stage.deploymentId,
        previousDeploymentId: stage.deploymentId,
        stageCreated: false,
        canaryDeploymentId: stage.canarySettings?.deploymentId
    };
    const canary = stage.canarySettings;
    if (inputs.command === 'rollback-canary') {
        if (!canary) {
            core/* notice */.lm(`Stage "${stageName}" has no canary: nothing to roll back.`);
            return result;
        }
        await (0,src_canary/* rollBack */.Fu)(gateway, restApiId, stageName, canary);
        return { ...result, canaryResult: 'rolled-back' };
    }
    if (!canary?.deploymentId)
        throw new errors/* ActionError */.lZ(`Stage "${stageName}" has no canary to promote. Start one with "command: deploy", "canary-percent" and "promote: false".`);
    if (canary.deploymentId === stage.deploymentId) {
        // Promoted earlier, but the settings were never removed (a 0% canary): just finish that.
        core/* info */.pq(`The canary on "${stageName}" was already promoted; removing its settings.`);
    }
    return (0,src_canary/* promoteCanary */.zG)(gateway, inputs, result, {
        deploymentId: canary.deploymentId,
        stageVariableOverrides: canary.stageVariableOverrides
    });
}

// EXTERNAL MODULE: ./src/deploy.ts
var deploy = __webpack_require__(9880);
// EXTERNAL MODULE: ./src/gateway.ts
var src_gateway = __webpack_require__(9661);
;// CONCATENATED MODULE: ./src/execute.ts
/**
 * Everything after the inputs are valid. `main.ts` loads this module with a dynamic import(), so the AWS
 * SDK is only loaded once the inputs have passed validation.
 */







async function execute(inputs, signal) {
    const gateway = new src_gateway/* Gateway */.x(inputs);
    const alarms = inputs.alarmNames.length > 0
        ? new AlarmWatcher(inputs.alarmNames, { ...inputs, endpointUrl: inputs.cloudwatchEndpointUrl })
        : undefined;
    try {
        const { restApiId, stage } = await core/* group */.Os('Find the REST API and stage', async () => {
            const id = 'id' in inputs.api ? inputs.api.id : await gateway.findRestApiId(inputs.api.name);
            if ('name' in inputs.api)
                core/* info */.pq(`REST API "${inputs.api.name}" is ${id}.`);
            gateway.restApiId = id;
            const found = await gateway.getStage(id, inputs.stageName);
            core/* info */.pq(found
                ? `Stage "${inputs.stageName}" serves deployment ${found.deploymentId}${found.canarySettings ? ` and has a canary (deployment ${found.canarySettings.deploymentId}, ${found.canarySettings.percentTraffic ?? 0}%)` : ''}.`
                : `Stage "${inputs.stageName}" does not exist.`);
            return { restApiId: id, stage: found };
        });
        if (inputs.command !== 'deploy') {
            return await core/* group */.Os(`${inputs.command} on stage "${inputs.stageName}"`, () => finishCanary(gateway, inputs, restApiId, stage));
        }
        const target = { restApiId, deploymentDescription: inputs.deploymentDescription ?? describeRun() };
        if (inputs.canary)
            return await (0,src_canary/* deployCanary */.SB)({ gateway, alarms, signal }, inputs, inputs.canary, target, stage);
        return await core/* group */.Os(`Deploy to stage "${inputs.stageName}"`, () => (0,deploy/* deployPlain */.Is)(gateway, inputs, target, stage));
    }
    finally {
        gateway.destroy();
        alarms?.destroy();
    }
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


/***/ })

};
