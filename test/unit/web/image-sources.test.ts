import { describe, expect, it } from 'vitest';
import { uploadedSrcSet } from '../../../src/ui/image-sources';

const HASH = 'ab'.repeat(32);

describe('the resized copies a picture is offered in', () => {
  it('are the 320, 640 and 1280 px variants of a merchant’s upload', () => {
    expect(uploadedSrcSet(`/media/u/${HASH}.jpg`)).toBe(`/media/u/${HASH}.jpg?w=320 320w, /media/u/${HASH}.jpg?w=640 640w, /media/u/${HASH}.jpg?w=1280 1280w`);
  });

  it('are none for a demo picture, an outside address or anything else', () => {
    for (const url of ['/media/demo/espresso-beans.svg', 'https://cdn.example/a.jpg', `/media/u/${HASH}.svg`, `/media/u/${HASH}.jpg?w=320`, '']) {
      expect(uploadedSrcSet(url), url).toBeUndefined();
    }
  });
});
