import { describe, expect, it } from 'vitest';
import { classifyAddress, parseAllowlist } from './safe-fetch-address.js';

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.1', 'private'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['169.254.169.254', 'linkLocal'],
    ['169.254.0.1', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.254', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['::ffff:7f00:1', 'loopback'],
    ['64:ff9b::a00:1', 'rfc6052'],
    ['2002:a00:1::', '6to4'],
    ['2001::1', 'teredo'],
    ['::7f00:1', 'notGlobalUnicast'],
    ['192.0.2.1', 'reserved'],
    ['not-an-address', 'invalid'],
  ])('refuses %s (%s)', (address, range) => {
    expect(classifyAddress(address)).toEqual({ allowed: false, range });
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.15.255.255', '172.32.0.1', '100.63.255.255', '2606:4700::1111', '::ffff:93.184.216.34'])(
    'allows the public address %s',
    (address) => {
      expect(classifyAddress(address)).toEqual({ allowed: true });
    },
  );

  it('lets an explicit allowlist through, in both IPv4 and IPv4-mapped form, and nothing beside it', () => {
    const allowlist = parseAllowlist(['127.0.0.1/32']);
    expect(classifyAddress('127.0.0.1', allowlist)).toEqual({ allowed: true });
    expect(classifyAddress('::ffff:127.0.0.1', allowlist)).toEqual({ allowed: true });
    expect(classifyAddress('127.0.0.2', allowlist)).toEqual({ allowed: false, range: 'loopback' });
    expect(classifyAddress('::1', allowlist)).toEqual({ allowed: false, range: 'loopback' });
  });
});
