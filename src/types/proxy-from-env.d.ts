// proxy-from-env 2 ships no types; this is its one export (index.js).
declare module 'proxy-from-env' {
  /** The proxy URL for `url` from *_PROXY / NO_PROXY in the environment, or '' for none. */
  export function getProxyForUrl(url: string | URL): string
}
