import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AVATAR_PNG, solidPng } from './default-images.js';

describe('solidPng', () => {
  it('encodes a valid PNG of the requested size and colour', () => {
    const png = solidPng(3, 2, [1, 2, 3]);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(3);
    expect(png.readUInt32BE(20)).toBe(2);
    const idatAt = png.indexOf('IDAT');
    const idatLength = png.readUInt32BE(idatAt - 4);
    const pixels = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + idatLength));
    expect([...pixels]).toEqual([0, 1, 2, 3, 1, 2, 3, 1, 2, 3, 0, 1, 2, 3, 1, 2, 3, 1, 2, 3]);
    expect(png.subarray(-8, -4).toString('latin1')).toBe('IEND');
    // Every PNG ends with the same IEND chunk and CRC.
    expect(png.subarray(-4).toString('hex')).toBe('ae426082');
  });

  it('keeps the default avatar small', () => {
    expect(DEFAULT_AVATAR_PNG.length).toBeLessThan(5000);
  });
});
