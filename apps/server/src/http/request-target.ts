import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';

/** What a request line and its `Host` header name: a URL, the server itself, or nothing valid. */
export type RequestTarget =
  | { kind: 'url'; url: URL }
  /** `OPTIONS *`: a question about the server, not about a resource (RFC 9112 §3.2.4). */
  | { kind: 'server' }
  | { kind: 'invalid'; reason: string };

/**
 * `uri-host [ ":" port ]` (RFC 9110 §7.2, RFC 3986 §3.2.2): a registered name without
 * percent-encoding, or an IP literal in brackets. No user info, no path, no spaces.
 */
const HOST = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9._~!$&'()*+,;=-]+))(?::(\d{0,5}))?$/;

/** The default authority when a request names none (HTTP/1.0, or an empty `Host`). */
const DEFAULT_HOST = 'localhost';

function checkHost(host: string): string | null {
  const match = HOST.exec(host);
  if (!match) return 'the Host header must be a host name or IP address with an optional port';
  if (match[1] !== undefined && !isIPv6(match[1]))
    return 'the Host header holds an invalid IPv6 address';
  if (match[3] !== undefined && match[3] !== '' && Number(match[3]) > 65_535) {
    return 'the Host header holds a port above 65535';
  }
  return null;
}

/**
 * Reads the target URL of a request the way RFC 9112 §3.2-3.3 says, refusing what yoga's
 * `new URL()` would either throw on (a 500 once) or misread: `Host: x/../y` concatenated with
 * `/health` used to become `http://x/y/health` and reach the SPA. Origin-form targets take the
 * authority from `Host` (exactly one, well-formed); absolute-form targets (`GET http://h/p`) take
 * it from the target and ignore `Host`, as the RFC requires of a server.
 */
export function requestTargetOf(req: IncomingMessage): RequestTarget {
  const hostLines = req.rawHeaders.filter(
    (value, index) => index % 2 === 0 && value.toLowerCase() === 'host',
  ).length;
  if (hostLines > 1) return { kind: 'invalid', reason: 'a request carries one Host header' };
  const target = req.url ?? '/';
  if (target === '*') {
    return req.method === 'OPTIONS'
      ? { kind: 'server' }
      : { kind: 'invalid', reason: 'only OPTIONS may target "*"' };
  }
  if (target.startsWith('/')) {
    const host =
      req.headers.host === undefined || req.headers.host === '' ? DEFAULT_HOST : req.headers.host;
    const problem = checkHost(host);
    if (problem) return { kind: 'invalid', reason: problem };
    return parse(`http://${host}${target}`);
  }
  if (/^https?:\/\//i.test(target)) return parse(target);
  return { kind: 'invalid', reason: 'the request target must be a path or an http(s) URL' };
}

function parse(text: string): RequestTarget {
  try {
    return { kind: 'url', url: new URL(text) };
  } catch {
    return { kind: 'invalid', reason: 'the request target is not a valid URL' };
  }
}
