import { describe, expect, it } from 'vitest';
import { contentTypeForExtension, parseImageContentType, sniffImageType } from '../../../functions/core/media/image-type';
import { isBlobKey } from '../../../functions/core/media/blob-store';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new TextEncoder().encode(text);

describe('sniffImageType', () => {
  it.each([
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), 'image/png'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    ['GIF87a', ascii('GIF87a....'), 'image/gif'],
    ['GIF89a', ascii('GIF89a....'), 'image/gif'],
    ['WebP', ascii('RIFF\0\0\0\0WEBPVP8 '), 'image/webp'],
  ])('recognises %s by its magic bytes', (_name, input, type) => {
    expect(sniffImageType(input)).toBe(type);
  });

  it.each([
    ['SVG', ascii('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['SVG with an XML prolog', ascii('<?xml version="1.0"?><svg/>')],
    ['HTML', ascii('<!doctype html><script>')],
    ['a RIFF that is not WebP (WAV)', ascii('RIFF\0\0\0\0WAVEfmt ')],
    ['a truncated PNG signature', bytes(0x89, 0x50, 0x4e, 0x47)],
    ['a GIF version that does not exist', ascii('GIF90a')],
    ['nothing', new Uint8Array()],
  ])('refuses %s', (_name, input) => {
    expect(sniffImageType(input)).toBeNull();
  });
});

describe('parseImageContentType', () => {
  it.each([
    ['image/png', 'image/png'],
    ['IMAGE/JPEG', 'image/jpeg'],
    ['image/webp; charset=binary', 'image/webp'],
    ['image/svg+xml', null],
    ['text/html', null],
    [undefined, null],
  ])('reads %j as %j', (header, type) => {
    expect(parseImageContentType(header)).toBe(type);
  });
});

describe('blob keys', () => {
  it('maps extensions back to content types', () => {
    expect(contentTypeForExtension('jpg')).toBe('image/jpeg');
    expect(contentTypeForExtension('svg')).toBeNull();
  });

  it.each([
    [`${'a'.repeat(64)}.png`, true],
    [`${'a'.repeat(64)}.svg`, false],
    [`${'A'.repeat(64)}.png`, false],
    [`../${'a'.repeat(61)}.png`, false],
    [`${'a'.repeat(63)}.png`, false],
    [`${'a'.repeat(64)}.png/x`, false],
  ])('accepts only hash-named keys: %s → %s', (key, ok) => {
    expect(isBlobKey(key)).toBe(ok);
  });
});
