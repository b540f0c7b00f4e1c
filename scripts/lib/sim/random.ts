/** Mulberry32, the synthetic generator's own: same seed → same sequence, on every machine. */
export { mulberry32 as createRandom } from '../../../lib/model/synthetic';

/** Standard normal from a uniform source (Box–Muller, one value per call). */
export function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Mixes integers into one 32-bit seed (FNV-1a over the values' bytes). */
export function mixSeed(...parts: (number | string)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = String(part);
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0x2c;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
