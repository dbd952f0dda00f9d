import { describe, expect, it } from 'vitest';
import { isPublicAddress, postJsonSafely, UnsafeDestinationError } from './safe-http.js';

describe('isPublicAddress', () => {
  it('refuses loopback, private, link-local, CGNAT and multicast addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '198.18.0.1', '::1', '::', '[::1]', 'fe80::1', 'febf::1', 'fec0::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::7f00:1', '2002:7f00:1::1']) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });

  it('accepts public addresses', () => {
    for (const a of ['93.184.216.34', '172.32.0.1', '8.8.8.8', '2606:4700::1111']) expect(isPublicAddress(a), a).toBe(true);
  });
});

describe('postJsonSafely', () => {
  it('refuses plain http and private destinations before connecting', async () => {
    await expect(postJsonSafely('http://example.com/hook', {})).rejects.toBeInstanceOf(UnsafeDestinationError);
    await expect(postJsonSafely('https://127.0.0.1/hook', {})).rejects.toBeInstanceOf(UnsafeDestinationError);
    await expect(postJsonSafely('https://localhost/hook', {})).rejects.toBeInstanceOf(UnsafeDestinationError);
    await expect(postJsonSafely('https://[::1]/hook', {})).rejects.toBeInstanceOf(UnsafeDestinationError);
    await expect(postJsonSafely('https://[::ffff:127.0.0.1]/hook', {})).rejects.toBeInstanceOf(UnsafeDestinationError);
  });
});
