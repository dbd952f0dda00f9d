import https from 'node:https';
import dns from 'node:dns';
import net from 'node:net';

/**
 * Outgoing requests to URLs that admins or remote parties supply (webhooks, later federation)
 * must not reach the machine itself or its private network (SSRF). The check runs inside the
 * socket's DNS lookup, so the address that is checked is the address that is connected to — a
 * second DNS answer cannot swap in an internal address.
 */
export function isPublicAddress(address: string): boolean {
  if (net.isIPv4(address)) {
    const [a, b] = address.split('.').map(Number) as [number, number];
    if (a === 0 || a === 10 || a === 127) return false;
    if (a === 169 && b === 254) return false;
    if (a === 172 && b >= 16 && b <= 31) return false;
    if (a === 192 && b === 168) return false;
    if (a === 100 && b >= 64 && b <= 127) return false; // carrier-grade NAT
    if (a >= 224) return false; // multicast and reserved
    return true;
  }
  if (net.isIPv6(address)) {
    const lower = address.toLowerCase();
    if (lower === '::' || lower === '::1') return false;
    if (lower.startsWith('fe80') || lower.startsWith('fc') || lower.startsWith('fd') || lower.startsWith('ff')) return false;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    if (mapped) return isPublicAddress(mapped[1]!);
    return true;
  }
  return false;
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

/** POSTs JSON over HTTPS to a public address, without redirects, with a timeout. Resolves to the status. */
export function postJsonSafely(url: string, body: unknown, timeoutMs = 10_000): Promise<number> {
  const target = new URL(url);
  if (target.protocol !== 'https:') return Promise.reject(new UnsafeDestinationError('only https URLs are allowed'));
  if (net.isIP(target.hostname) && !isPublicAddress(target.hostname)) {
    return Promise.reject(new UnsafeDestinationError(`${target.hostname} is not a public address`));
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
