export const id = 701;
export const ids = [701];
export const modules = {

/***/ 5701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanUpPendingCanary: () => (/* binding */ cleanUpPendingCanary)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
;// CONCATENATED MODULE: ./src/cleanup-plan.ts
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

// EXTERNAL MODULE: ./src/canary.ts + 1 modules
var canary = __webpack_require__(2723);
// EXTERNAL MODULE: ./src/gateway.ts
var src_gateway = __webpack_require__(9661);
// EXTERNAL MODULE: ./src/canary-plan.ts
var canary_plan = __webpack_require__(2647);
// EXTERNAL MODULE: ./src/run-state.ts
var run_state = __webpack_require__(518);
;// CONCATENATED MODULE: ./src/post.ts
/**
 * The `post:` step (post-if: always()). If the main step started a canary and did not finish it (killed,
 * timed out, cancelled past the grace period), roll it back so the stage serves what it served before.
 */






async function cleanUpPendingCanary() {
    const pending = (0,run_state/* loadPendingCanary */.iW)();
    if (!pending) {
        core/* debug */.Yz('No unfinished canary: nothing to clean up.');
        return;
    }
    const gateway = new src_gateway/* Gateway */.x({
        region: pending.region,
        endpointUrl: pending.endpointUrl,
        retryDeadlineSeconds: 120
    });
    gateway.restApiId = pending.restApiId;
    try {
        const stage = await gateway.getStage(pending.restApiId, pending.stageName);
        const action = cleanupAction(stage, pending);
        const where = `stage "${pending.stageName}" of REST API ${pending.restApiId}`;
        switch (action) {
            case 'none':
                core/* info */.pq(`The main step's canary on ${where} is gone already: nothing to do.`);
                break;
            case 'foreign':
                core/* warning */.$e(`${where} has a canary (deployment ${stage?.canarySettings?.deploymentId}) that this run did not create: leaving it.`);
                break;
            case 'finish-promotion':
                await gateway.updateStage(pending.restApiId, pending.stageName, (0,canary_plan/* removeCanaryOps */.nu)());
                core/* info */.pq(`The canary on ${where} had been promoted; removed its leftover settings.`);
                break;
            case 'rollback':
                core/* warning */.$e(`The main step did not finish its canary on ${where}: rolling it back.`);
                await (0,canary/* rollBack */.Fu)(gateway, pending.restApiId, pending.stageName, stage?.canarySettings);
                core/* info */.pq(`${where} serves deployment ${pending.baseDeploymentId}, as before the run.`);
                break;
        }
        (0,run_state/* clearPendingCanary */.p6)();
    }
    finally {
        gateway.destroy();
    }
}


/***/ })

};
