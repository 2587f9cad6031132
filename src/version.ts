/** Sent as the SDK's custom user agent, so CloudTrail shows which tool made the calls. */
const ACTION_VERSION = '0.1.0'
export const USER_AGENT = `apigateway-deploy-action/${ACTION_VERSION}`
