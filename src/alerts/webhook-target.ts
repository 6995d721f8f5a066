import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { alertsErrors } from './alerts-errors.ts';

/** Resolves a host name to every address it has, as `dns.promises.lookup(host, { all: true })`. */
export type HostLookup = (host: string) => Promise<Array<{ address: string; family: number }>>;

export const systemLookup: HostLookup = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * Whether a webhook may be sent to this address: only public unicast. Loopback, private
 * (RFC 1918), link-local (169.254/16, where cloud metadata lives), unique-local IPv6,
 * unspecified, carrier-grade NAT, multicast and reserved ranges are refused; an IPv4-mapped IPv6
 * address is judged as the IPv4 address it carries.
 *
 * @example
 * isPublicAddress('93.184.215.14'); // true
 * isPublicAddress('169.254.169.254'); // false
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** The URL's host without IPv6 brackets, as DNS and `net.isIP` take it. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Checks that a webhook URL's host is, and resolves only to, public addresses. Used at save time;
 * delivery checks again on the address it connects to (see `createWebhookPoster`), since DNS can
 * change in between.
 *
 * @example
 * await assertPublicWebhookHost(new URL('https://hooks.example.com/x'), systemLookup);
 */
export async function assertPublicWebhookHost(url: URL, lookup: HostLookup): Promise<void> {
  const host = hostOf(url);
  const addresses = isIP(host) ? [host] : await resolve(host, lookup);
  const refusal = addressRefusal(host, addresses);
  if (refusal) throw refusal;
}

/**
 * Why a webhook may not go to `host` at these addresses (none: unresolved; any non-public:
 * private), or null. Shared by the save-time check and the delivery's connect-time lookup.
 */
export function addressRefusal(host: string, addresses: readonly string[]) {
  if (addresses.length === 0) return alertsErrors.WEBHOOK_HOST_UNRESOLVED({ details: { host } });
  const refused = addresses.find((address) => !isPublicAddress(address));
  return refused === undefined
    ? null
    : alertsErrors.WEBHOOK_URL_PRIVATE({ details: { host, address: refused } });
}

async function resolve(host: string, lookup: HostLookup): Promise<string[]> {
  try {
    return (await lookup(host)).map((a) => a.address);
  } catch {
    return []; // the same answer as "no addresses": unresolved
  }
}
