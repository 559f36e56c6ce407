// The resized copies of a merchant's upload (320/640/1280 px WebP, made at upload where the host can:
// functions/core/media/image-variants.ts), as a `srcset`, so a phone downloads a picture its screen can
// show rather than the 3000-pixel original. The media route answers the original for a width it has no
// copy of, so the set is right on every host. Demo pictures (SVG) and outside addresses have no copies.
const UPLOADED = /^\/media\/u\/[0-9a-f]{64}\.(png|jpg|webp|gif)$/;
const WIDTHS = [320, 640, 1280];

export function uploadedSrcSet(url: string): string | undefined {
  if (!UPLOADED.test(url)) return undefined;
  return WIDTHS.map((w) => `${url}?w=${w} ${w}w`).join(', ');
}
