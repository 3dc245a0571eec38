/**
 * Image clean-up before OCR, in plain TypeScript (no native image library on the kiosk):
 * decode PNG/JPEG, convert to grey, a 3×3 median against camera and sensor speckle, then an
 * adaptive (local-mean) threshold. Tesseract's own global Otsu threshold fails on low-contrast
 * photos and on a grey card in front of a white background (measured: it read nothing); a local
 * threshold decides each pixel against its neighbourhood, which handles both and uneven light.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { err, ok, type Result } from '@pls/shared/domain';

export interface GrayImage {
  readonly width: number;
  readonly height: number;
  /** One byte per pixel, row-major. */
  readonly data: Uint8Array;
}

/** Largest image we decode: 40 megapixels, well above a document camera's output. */
const MAX_PIXELS = 40_000_000;

export type DecodeError = { readonly kind: 'unsupportedImage'; readonly message: string };

function isPng(bytes: Uint8Array): boolean {
  return (
    bytes.length > 8 &&
    bytes[0] === 0x89 &&
    bytes[1] === 0x50 &&
    bytes[2] === 0x4e &&
    bytes[3] === 0x47
  );
}

function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

function toGray(width: number, height: number, rgba: Uint8Array): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) {
    // ITU-R BT.601 luma in integer arithmetic; alpha is ignored (camera frames are opaque).
    data[i] = (rgba[4 * i]! * 77 + rgba[4 * i + 1]! * 150 + rgba[4 * i + 2]! * 29) >> 8;
  }
  return { width, height, data };
}

/** Decodes by content (the magic bytes), not by what the caller claims the type is. */
export function decodeImage(bytes: Uint8Array): Result<GrayImage, DecodeError> {
  try {
    if (isPng(bytes)) {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      if (png.width * png.height > MAX_PIXELS)
        return err({ kind: 'unsupportedImage', message: 'image too large' });
      return ok(toGray(png.width, png.height, png.data));
    }
    if (isJpeg(bytes)) {
      const image = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: MAX_PIXELS / 1_000_000,
        maxMemoryUsageInMB: 512,
      });
      return ok(toGray(image.width, image.height, image.data));
    }
  } catch (error) {
    return err({
      kind: 'unsupportedImage',
      message: error instanceof Error ? error.message : String(error),
    });
  }
  return err({ kind: 'unsupportedImage', message: 'not a PNG or JPEG image' });
}

/** 3×3 median; edges use the nearest pixel. */
export function median3(image: GrayImage): GrayImage {
  const { width: w, height: h, data } = image;
  const out = new Uint8Array(w * h);
  const window = new Uint8Array(9);
  for (let y = 0; y < h; y++) {
    const rows = [Math.max(0, y - 1), y, Math.min(h - 1, y + 1)] as const;
    for (let x = 0; x < w; x++) {
      const cols = [Math.max(0, x - 1), x, Math.min(w - 1, x + 1)] as const;
      let k = 0;
      for (const r of rows) for (const c of cols) window[k++] = data[r * w + c]!;
      window.sort();
      out[y * w + x] = window[4]!;
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * Bradley–Roth adaptive threshold with an integral image: a pixel is ink when it is darker than
 * `(1 - t)` times the mean of the window around it. The window is 1/12 of the shorter side,
 * about two character heights on a card photo.
 */
export function adaptiveThreshold(image: GrayImage, t = 0.12): GrayImage {
  const { width: w, height: h, data } = image;
  const W = w + 1;
  const integral = new Float64Array(W * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += data[y * w + x]!;
      integral[(y + 1) * W + x + 1] = integral[y * W + x + 1]! + row;
    }
  }
  const r = Math.max(8, Math.round(Math.min(w, h) / 24));
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(h, y + r + 1);
    for (let x = 0; x < w; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(w, x + r + 1);
      const sum =
        integral[y1 * W + x1]! -
        integral[y0 * W + x1]! -
        integral[y1 * W + x0]! +
        integral[y0 * W + x0]!;
      const mean = sum / ((y1 - y0) * (x1 - x0));
      out[y * w + x] = data[y * w + x]! < mean * (1 - t) ? 0 : 255;
    }
  }
  return { width: w, height: h, data: out };
}

/** Binary PGM (P5): Leptonica inside tesseract.js reads it without any codec. */
export function encodePgm(image: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.data.length);
  out.set(header, 0);
  out.set(image.data, header.length);
  return out;
}

export interface CropRegion {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export function crop(image: GrayImage, region: CropRegion): GrayImage {
  const left = Math.max(0, Math.min(image.width - 1, region.left));
  const top = Math.max(0, Math.min(image.height - 1, region.top));
  const width = Math.max(1, Math.min(image.width - left, region.width));
  const height = Math.max(1, Math.min(image.height - top, region.height));
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    data.set(
      image.data.subarray((top + y) * image.width + left, (top + y) * image.width + left + width),
      y * width,
    );
  }
  return { width, height, data };
}
