import { describe, expect, it } from 'vitest';
import { throttleableIp } from './rate-limit.js';

describe('throttleableIp', () => {
  it('keeps IPv4 addresses and unwraps IPv4-mapped IPv6', () => {
    expect(throttleableIp('203.0.113.7')).toBe('203.0.113.7');
    expect(throttleableIp('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('groups IPv6 addresses by /64, however they are written', () => {
    expect(throttleableIp('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(throttleableIp('2001:0db8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(throttleableIp('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(throttleableIp('::1')).toBe('0:0:0:0::/64');
  });
});
