import ipaddr from 'ipaddr.js';

/**
 * Which addresses a server-side fetch may connect to: public unicast only. Refused: loopback,
 * private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 — the cloud metadata address
 * 169.254.169.254 among them — and fe80::/10), carrier-grade NAT (100.64/10), multicast, broadcast,
 * unspecified (0.0.0.0, ::), documentation/benchmark/reserved ranges, IPv6 outside 2000::/3, and any of
 * these wrapped in IPv6 (IPv4-mapped ::ffff:a.b.c.d, NAT64, 6to4, Teredo).
 */

/** Allowed, or refused with the name of the range the address is in. */
export type AddressVerdict = { allowed: true } | { allowed: false; range: string };

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/** Parses allowlist entries (`127.0.0.1`, `127.0.0.0/8`, `::1/128`); throws on a malformed one. */
export function parseAllowlist(entries: readonly string[]): Cidr[] {
  return entries.map((entry) => (entry.includes('/') ? ipaddr.parseCIDR(entry) : ([ipaddr.parse(entry), ipaddr.parse(entry).kind() === 'ipv4' ? 32 : 128] as Cidr)));
}

/** The verdict on one resolved address (a string as DNS or a URL gives it; IPv6 without brackets). */
export function classifyAddress(address: string, allowlist: readonly Cidr[] = []): AddressVerdict {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // parse (not process) so the IPv4-mapped form is seen and unwrapped explicitly below.
    parsed = ipaddr.parse(address);
  } catch {
    return { allowed: false, range: 'invalid' };
  }
  const unwrapped = parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress() ? (parsed as ipaddr.IPv6).toIPv4Address() : parsed;
  if (allowlist.some(([range, bits]) => range.kind() === unwrapped.kind() && unwrapped.match(range, bits))) return { allowed: true };
  const range = unwrapped.range();
  if (range !== 'unicast') return { allowed: false, range };
  if (unwrapped.kind() === 'ipv6' && !unwrapped.match(GLOBAL_UNICAST_V6)) return { allowed: false, range: 'notGlobalUnicast' };
  return { allowed: true };
}

/** A sentence-sized name of a refused range, for logs and the draft's note. */
export function describeRange(range: string): string {
  const names: Record<string, string> = {
    loopback: 'a loopback address (this machine)',
    private: 'a private network address',
    uniqueLocal: 'a private network address',
    linkLocal: 'a link-local address (such as the cloud metadata service)',
    carrierGradeNat: 'a carrier-grade NAT address',
    unspecified: 'an unspecified address',
    multicast: 'a multicast address',
    broadcast: 'a broadcast address',
  };
  return names[range] ?? `a reserved address (${range})`;
}
