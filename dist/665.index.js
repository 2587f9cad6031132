export const id = 665;
export const ids = [665];
export const modules = {

/***/ 665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   healthReport: () => (/* binding */ healthReport),
/* harmony export */   setOutputs: () => (/* binding */ setOutputs),
/* harmony export */   writeSummary: () => (/* binding */ writeSummary)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _urls_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5769);
/** The step's outputs and the job summary. */


function setOutputs(result) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('invoke-url', result.invokeUrl);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('deployment-id', result.deploymentId);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('previous-deployment-id', result.previousDeploymentId ?? '');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('stage-name', result.stageName);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('rest-api-id', result.restApiId);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('canary-deployment-id', result.canaryDeploymentId ?? '');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('canary-result', result.canaryResult);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('health-report', JSON.stringify(healthReport(result)));
}
function healthReport(result) {
    return {
        steps: result.steps.map(s => ({
            percent: s.percent,
            probes: s.probes,
            failures: s.failures,
            latencyMs: s.latencyMs ?? null,
            alarms: s.alarms,
            verdict: s.verdict,
            ...(s.note ? { note: s.note } : {})
        }))
    };
}
const CANARY_WORDS = {
    promoted: 'promoted',
    'rolled-back': 'rolled back',
    active: 'left running',
    none: '—'
};
async function writeSummary(result, region, endpointUrl) {
    const title = result.command === 'deploy'
        ? `${result.failure ? '❌' : '✅'} Deployed REST API ${result.restApiId} to stage ${result.stageName}`
        : `${result.failure ? '❌' : '✅'} ${result.command} on stage ${result.stageName}`;
    const consoleUrl = endpointUrl ? undefined : (0,_urls_js__WEBPACK_IMPORTED_MODULE_1__/* .consoleStageUrl */ .dU)(result.restApiId, result.stageName, region);
    const summary = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addHeading(title, 3);
    summary.addTable([
        [
            { data: 'What', header: true },
            { data: 'Value', header: true }
        ],
        ['Invoke URL', `<a href="${result.invokeUrl}">${result.invokeUrl}</a>`],
        ['Stage', `${result.stageName}${result.stageCreated ? ' (created)' : ''}`],
        ['Deployment served', result.deploymentId],
        ['Previous deployment', result.previousDeploymentId ?? '— (new stage)'],
        [
            'Canary',
            result.canaryDeploymentId ? `${result.canaryDeploymentId}: ${CANARY_WORDS[result.canaryResult]}` : '—'
        ],
        ['Region', region]
    ]);
    if (result.steps.length > 0) {
        summary.addHeading('Canary steps', 4);
        summary.addTable([
            ['Traffic', 'Probes', 'Failures', 'p95 latency', 'Alarms in ALARM', 'Verdict'].map(data => ({
                data,
                header: true
            })),
            ...result.steps.map(s => [
                `${s.percent}%`,
                String(s.probes),
                String(s.failures),
                s.latencyMs ? `${s.latencyMs.p95} ms` : '—',
                s.alarms.length > 0 ? s.alarms.join(', ') : 'none',
                s.verdict === 'passed' ? '✅ passed' : `❌ ${s.note ?? 'failed'}`
            ])
        ]);
    }
    if (result.failure)
        summary.addRaw(`\n**${result.failure}**\n`, true);
    if (consoleUrl)
        summary.addLink('Open the stage in the AWS console', consoleUrl);
    await summary.write();
}


/***/ }),

/***/ 5769:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U_: () => (/* binding */ invokeUrl),
/* harmony export */   dU: () => (/* binding */ consoleStageUrl)
/* harmony export */ });
/* unused harmony export dnsSuffix */
/**
 * Invoke URLs. API Gateway's execute-api host is `{id}.execute-api.{region}.{dnsSuffix}`, where the DNS
 * suffix depends on the partition. The table mirrors the partitions file the AWS SDK ships
 * (@aws-sdk/core, util-endpoints/lib/aws/partitions.js), checked 2026-11-25.
 */
const PARTITIONS = [
    { regions: /^cn-\w+-\d+$/, dnsSuffix: 'amazonaws.com.cn' },
    { regions: /^us-gov-\w+-\d+$/, dnsSuffix: 'amazonaws.com' },
    { regions: /^us-iso-\w+-\d+$/, dnsSuffix: 'c2s.ic.gov' },
    { regions: /^us-isob-\w+-\d+$/, dnsSuffix: 'sc2s.sgov.gov' },
    { regions: /^eu-isoe-\w+-\d+$/, dnsSuffix: 'cloud.adc-e.uk' },
    { regions: /^us-isof-\w+-\d+$/, dnsSuffix: 'csp.hci.ic.gov' },
    { regions: /^eusc-de-\w+-\d+$/, dnsSuffix: 'amazonaws.eu' }
];
function dnsSuffix(region) {
    return PARTITIONS.find(p => p.regions.test(region))?.dnsSuffix ?? 'amazonaws.com';
}
/**
 * The stage's base URL. With an `endpoint-url` (LocalStack, the emulator) it is LocalStack's documented
 * form `{endpoint}/restapis/{id}/{stage}/_user_request_`, which the emulator serves too.
 */
function invokeUrl(restApiId, stageName, region, endpointUrl) {
    if (endpointUrl)
        return `${endpointUrl}/restapis/${restApiId}/${stageName}/_user_request_`;
    return `https://${restApiId}.execute-api.${region}.${dnsSuffix(region)}/${stageName}`;
}
/** The AWS console page of a stage, for the job summary (only for real AWS). */
function consoleStageUrl(restApiId, stageName, region) {
    const host = dnsSuffix(region) === 'amazonaws.com.cn'
        ? 'console.amazonaws.cn'
        : /^us-gov-/.test(region)
            ? 'console.amazonaws-us-gov.com'
            : dnsSuffix(region) === 'amazonaws.com'
                ? 'console.aws.amazon.com'
                : undefined;
    if (!host)
        return undefined;
    return `https://${host}/apigateway/main/apis/${restApiId}/stages?api=${restApiId}&region=${region}&stage=${encodeURIComponent(stageName)}`;
}


/***/ })

};
