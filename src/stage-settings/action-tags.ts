/** Tags the action keeps on a stage for itself (the deployed definition's hash): never the user's to remove. */
export const ACTION_TAG_PREFIX = 'apigateway-deploy:'
