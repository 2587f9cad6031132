export const id = 920;
export const ids = [920];
export const modules = {

/***/ 4920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanUpPendingCanary: () => (/* binding */ cleanUpPendingCanary)
});

// UNUSED EXPORTS: IN_FLIGHT_GRACE_MS

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/aws/gateway.ts
var aws_gateway = __webpack_require__(2923);
// EXTERNAL MODULE: ./src/canary/finish.ts
var finish = __webpack_require__(2181);
// EXTERNAL MODULE: ./src/canary/plan.ts
var plan = __webpack_require__(3589);
// EXTERNAL MODULE: ./src/deploy/delete-unused.ts
var delete_unused = __webpack_require__(6387);
// EXTERNAL MODULE: ./src/sleep.ts
var sleep = __webpack_require__(6972);
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








/** How long a change the main step sent just before it died may take to land. */
const IN_FLIGHT_GRACE_MS = 6_000;
const POLL_MS = 1_000;
/** What the post step found and did, for the log and the job summary. */
async function cleanUpPendingCanary(pending, graceMs = IN_FLIGHT_GRACE_MS) {
    const gateway = aws_gateway/* Gateway */.x.open(pending);
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
                await gateway.updateStage(restApiId, stageName, (0,plan/* removeCanaryOps */.nu)(), now => !now?.canarySettings);
                done = `The canary on ${where} had been promoted; removed its leftover settings.`;
                core/* info */.pq(done);
                break;
            case 'rollback': {
                core/* warning */.$e(`The main step did not finish its canary on ${where}: rolling it back.`);
                await (0,finish/* rollBack */.F)({ gateway, restApiId, stageName }, stage?.canarySettings);
                const after = await gateway.tryGetStage(restApiId, stageName);
                done = after.read
                    ? `Rolled back the canary the main step left on ${where}: it serves deployment ${after.stage?.deploymentId}${after.stage?.deploymentId === pending.baseDeploymentId ? ', as before the run' : ''}.`
                    : `Rolled back the canary the main step left on ${where}.`;
                core/* info */.pq(done);
                break;
            }
        }
        (0,state/* clearPendingCanary */.p6)();
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
        await (0,sleep/* sleep */.y)(Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
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
    return (0,delete_unused/* deleteQuietly */.v)(gateway, restApiId, id);
}


/***/ })

};
