/** @jsxRuntime automatic @jsxImportSource react */
/**
 * QR codes as inline SVG: one path of unit squares, sharp at any printer resolution and with
 * nothing to load. `qrcode`'s `create` is synchronous and pure, so rendering stays synchronous.
 */
import QRCode from 'qrcode';

export interface QrMatrix {
  readonly size: number;
  /** SVG path data, one `h1v1h-1z` square per dark module. */
  readonly path: string;
}

export function qrMatrix(text: string): QrMatrix {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = qr.modules;
  let path = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (data[y * size + x]) path += `M${x} ${y}h1v1h-1z`;
    }
  }
  return { size, path };
}

export interface QrCodeProps {
  readonly text: string;
  /** Printed edge length in millimetres, quiet zone included. */
  readonly sizeMm: number;
  readonly label: string;
}

/** A QR code with the 4-module quiet zone scanners need. */
export function QrCode({ text, sizeMm, label }: QrCodeProps) {
  const { size, path } = qrMatrix(text);
  const quiet = 4;
  const box = size + 2 * quiet;
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      viewBox={`${-quiet} ${-quiet} ${box} ${box}`}
      width={`${sizeMm}mm`}
      height={`${sizeMm}mm`}
      shapeRendering="crispEdges"
    >
      <rect x={-quiet} y={-quiet} width={box} height={box} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
