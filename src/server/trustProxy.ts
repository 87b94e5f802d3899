/**
 * Which peers may say who the client is (X-Forwarded-For, X-Forwarded-Host):
 * only the reverse proxy's own address. A server whose port is also reachable
 * directly would otherwise let any client pick its address, and with it a
 * fresh failure budget per request.
 */
import { isIP } from 'node:net';

/** The proxies' addresses; `true` is the proxy on this machine (loopback), `false` none. */
export type ProxyTrust = boolean | readonly string[];

export const LOOPBACK = ['127.0.0.1', '::1'] as const;

/** An IPv4 address as IPv6 (`::ffff:127.0.0.1`) is the IPv4 address. */
export function plainAddress(address: string): string {
  return address.toLowerCase().startsWith('::ffff:') && isIP(address.slice(7)) === 4
    ? address.slice(7)
    : address.toLowerCase();
}

/** True when headers from `peer` (the socket's remote address) are believed. */
export function trustsPeer(trust: ProxyTrust, peer: string): boolean {
  if (trust === false) return false;
  const list: readonly string[] = trust === true ? LOOPBACK : trust;
  const plain = plainAddress(peer);
  return list.some((a) => plainAddress(a) === plain);
}

/**
 * TRUST_PROXY: unset, `0` or `false`: no proxy; `1` or `true`: a proxy on this
 * machine (127.0.0.1, ::1); otherwise the proxies' IP addresses, comma separated.
 */
export function parseTrustProxy(
  value: string | undefined,
): { ok: true; trust: ProxyTrust } | { ok: false; error: string } {
  const text = (value ?? '').trim();
  if (text === '' || text === '0' || text === 'false') return { ok: true, trust: false };
  if (text === '1' || text === 'true') return { ok: true, trust: true };
  const list = text
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const bad = list.find((a) => isIP(a) === 0);
  if (bad !== undefined || list.length === 0) {
    return {
      ok: false,
      error: `TRUST_PROXY must be 1 or the proxy's IP addresses (comma separated), not "${bad ?? text}"`,
    };
  }
  return { ok: true, trust: list };
}
