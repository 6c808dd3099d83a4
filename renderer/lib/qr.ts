import { create } from 'qrcode';

/** A QR code as one SVG path in module units, with a quiet zone of `margin` modules. */
export interface QrShape {
  /** Width and height of the whole code, quiet zone included, in modules. */
  size: number;
  d: string;
}

export function qrShape(text: string, margin = 2): QrShape {
  const { size, data } = create(text, { errorCorrectionLevel: 'M' }).modules;
  let d = '';
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) if (data[y * size + x]) d += `M${x + margin} ${y + margin}h1v1h-1z`;
  return { size: size + 2 * margin, d };
}
