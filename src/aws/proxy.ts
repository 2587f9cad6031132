/**
 * Proxies, as the runner's environment names them (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, lower-case too): the
 * AWS SDK gets an agent that tunnels through the proxy (CONNECT), as AWS's guide for the SDK shows with
 * hpagent; `proxy-from-env` decides, with NO_PROXY's rules, whether an endpoint goes through it.
 * (The SDK reads its credentials from the environment in the same way.)
 */
import type { Agent } from 'node:http'
import { HttpProxyAgent, HttpsProxyAgent } from 'hpagent'
import { getProxyForUrl } from 'proxy-from-env'
import { dnsSuffix } from '../urls.js'
import { USER_AGENT } from '../version.js'

/** The proxy URL for this endpoint, or undefined to connect directly. */
function proxyFor(url: string): string | undefined {
  return getProxyForUrl(url) || undefined
}

/** The service's endpoint: the given one (an emulator), else the regional AWS endpoint. */
export function serviceEndpoint(
  service: 'apigateway' | 'monitoring' | 'wafv2' | 'apigatewayv2',
  region: string,
  endpointUrl?: string
): string {
  // API Gateway v2 shares API Gateway's endpoint (apigateway.{region}...).
  const host = service === 'apigatewayv2' ? 'apigateway' : service
  return endpointUrl ?? `https://${host}.${region}.${dnsSuffix(region)}`
}

/** Agents for the SDK's NodeHttpHandler: both set, since a proxy may serve http and https endpoints. */
export function proxyAgents(endpoint: string): { httpAgent: Agent; httpsAgent: Agent } | undefined {
  const proxy = proxyFor(endpoint)
  if (!proxy) return undefined
  const options = { proxy, keepAlive: true }
  return { httpAgent: new HttpProxyAgent(options), httpsAgent: new HttpsProxyAgent(options) }
}

/**
 * What every AWS client of the action is built with: its region and endpoint, the user agent, no SDK retries
 * (callAws retries, within the deadline) and a proxy agent when the environment names one.
 */
export function clientOptions(
  service: Parameters<typeof serviceEndpoint>[0],
  options: { region: string; endpointUrl?: string }
) {
  return {
    region: options.region,
    endpoint: options.endpointUrl,
    customUserAgent: USER_AGENT,
    // callAws retries; SDK retries on top would multiply the attempts and ignore the deadline.
    maxAttempts: 1,
    requestHandler: {
      connectionTimeout: 10_000,
      ...proxyAgents(serviceEndpoint(service, options.region, options.endpointUrl))
    }
  }
}
