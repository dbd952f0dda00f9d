import https from 'node:https';
import dns from 'node:dns';
import net from 'node:net';

/**
 * Outgoing requests to URLs that admins or remote parties supply (webhooks, later federation)
 * must not reach the machine itself or its private network (SSRF). The check runs inside the
 * socket's DNS lookup, so the address that is checked is the address that is connected to — a
 * second DNS answer cannot swap in an internal address.
 */
const NON_PUBLIC = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) {
  NON_PUBLIC.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [
  ['::', 128], ['::1', 128], ['::', 96], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001:db8::', 32],
  ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) {
  NON_PUBLIC.addSubnet(prefix, bits, 'ipv6');
}

export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  if (net.isIPv4(bare)) return !NON_PUBLIC.check(bare, 'ipv4');
  if (!net.isIPv6(bare)) return false;
  const mapped = embeddedIPv4(bare);
  if (mapped !== null) return !NON_PUBLIC.check(mapped, 'ipv4');
  return !NON_PUBLIC.check(bare, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:a.b.c.d` or `::ffff:7f00:1`). */
function embeddedIPv4(v6: string): string | null {
  const lower = v6.toLowerCase();
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return null;
  const hi = parseInt(hex[1]!, 16);
  const lo = parseInt(hex[2]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

export class UnsafeDestinationError extends Error {
  override name = 'UnsafeDestinationError';
}

const safeLookup: NonNullable<https.RequestOptions['lookup']> = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '', 0);
    const list = addresses as dns.LookupAddress[];
    const bad = list.find((a) => !isPublicAddress(a.address));
    if (bad || list.length === 0) {
      return callback(new UnsafeDestinationError(`${hostname} resolves to a non-public address`), '', 0);
    }
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
    return callback(null, list[0]!.address, list[0]!.family);
  });
};

/** Throws UnsafeDestinationError when `url` is not an https URL that could reach a public address. */
export function assertSafeUrl(url: string): void {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new UnsafeDestinationError('not a URL');
  }
  if (target.protocol !== 'https:') throw new UnsafeDestinationError('only https URLs are allowed');
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) && !isPublicAddress(host)) throw new UnsafeDestinationError(`${host} is not a public address`);
  if (host === 'localhost' || host.endsWith('.localhost')) throw new UnsafeDestinationError(`${host} is not a public host`);
}

/** POSTs JSON over HTTPS to a public address, without redirects, with a timeout. Resolves to the status. */
export function postJsonSafely(url: string, body: unknown, timeoutMs = 10_000): Promise<number> {
  const target = new URL(url);
  if (target.protocol !== 'https:') return Promise.reject(new UnsafeDestinationError('only https URLs are allowed'));
  // Node does not call `lookup` for IP literals, so they are checked here (brackets stripped).
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) && !isPublicAddress(host)) {
    return Promise.reject(new UnsafeDestinationError(`${host} is not a public address`));
  }
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      target,
      {
        method: 'POST',
        lookup: safeLookup,
        timeout: timeoutMs,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'user-agent': 'Parley' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from ${target.host} within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}
