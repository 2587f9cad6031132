/**
 * Access log formats by name: the examples the API Gateway console offers, as AWS's guide lists them
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-access-logging.html, "Access log
 * formats"). A format must include $context.requestId or $context.extendedRequestId (same page).
 */
export const ACCESS_LOG_PRESETS: Record<string, string> = {
  clf: '$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] "$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength $context.requestId $context.extendedRequestId',
  json: '{ "requestId":"$context.requestId", "extendedRequestId":"$context.extendedRequestId", "ip": "$context.identity.sourceIp", "caller":"$context.identity.caller", "user":"$context.identity.user", "requestTime":"$context.requestTime", "httpMethod":"$context.httpMethod", "resourcePath":"$context.resourcePath", "status":"$context.status", "protocol":"$context.protocol", "responseLength":"$context.responseLength" }',
  xml: '<request id="$context.requestId"> <extendedRequestId>$context.extendedRequestId</extendedRequestId> <ip>$context.identity.sourceIp</ip> <caller>$context.identity.caller</caller> <user>$context.identity.user</user> <requestTime>$context.requestTime</requestTime> <httpMethod>$context.httpMethod</httpMethod> <resourcePath>$context.resourcePath</resourcePath> <status>$context.status</status> <protocol>$context.protocol</protocol> <responseLength>$context.responseLength</responseLength> </request>',
  csv: '$context.identity.sourceIp,$context.identity.caller,$context.identity.user,$context.requestTime,$context.httpMethod,$context.resourcePath,$context.protocol,$context.status,$context.responseLength,$context.requestId,$context.extendedRequestId'
}

/** Whether API Gateway accepts the format: it must identify each request. */
export function identifiesRequests(format: string): boolean {
  return /\$context\.(requestId|extendedRequestId)\b/.test(format)
}

/** The format a preset name stands for, or the text itself. */
export function expandAccessLogFormat(value: string): string {
  return ACCESS_LOG_PRESETS[value.toLowerCase()] ?? value
}
