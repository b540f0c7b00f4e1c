import type { Canvas2D } from '../../lib/overlay/layers/types';

/** A 2D context that records what was drawn, with the state each call ran under. */
export function recorder() {
  const calls: unknown[][] = [];
  const ctx = {
    globalAlpha: 1,
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    lineJoin: 'miter',
    font: '',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    imageSmoothingEnabled: true,
    setTransform: (...a: number[]) => calls.push(['setTransform', ...a]),
    clearRect: (...a: number[]) => calls.push(['clearRect', ...a]),
    fillRect: (...a: number[]) => calls.push(['fillRect', ...a, ctx.fillStyle, ctx.globalAlpha]),
    beginPath: () => calls.push(['beginPath']),
    moveTo: (...a: number[]) => calls.push(['moveTo', ...a]),
    lineTo: (...a: number[]) => calls.push(['lineTo', ...a]),
    arc: (...a: number[]) => calls.push(['arc', ...a]),
    fill: () => calls.push(['fill', ctx.fillStyle, ctx.globalAlpha]),
    stroke: () => calls.push(['stroke', ctx.strokeStyle, ctx.lineWidth]),
    setLineDash: (d: number[]) => calls.push(['setLineDash', d]),
    fillText: (t: string, x: number, y: number) => calls.push(['fillText', t, x, y, ctx.textAlign]),
    strokeText: (t: string, x: number, y: number) => calls.push(['strokeText', t, x, y]),
    drawImage: (...a: unknown[]) => calls.push(['drawImage', ...a.slice(1)]),
  };
  return { ctx: ctx as unknown as Canvas2D, calls };
}
