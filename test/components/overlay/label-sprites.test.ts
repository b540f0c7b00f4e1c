import { describe, expect, it } from 'vitest';
import { createLabelSprites } from '../../../components/overlay/label-sprites';

/** A 2D context that records what is drawn on it (text measured at 7 px a character). */
function recordingContext(log: string[], name: string) {
  return {
    font: '',
    lineJoin: '',
    textAlign: '',
    textBaseline: '',
    lineWidth: 1,
    strokeStyle: '',
    fillStyle: '',
    measureText: (text: string) => ({ width: text.length * 7 }),
    strokeText: (text: string) => log.push(`${name} stroke ${text}`),
    fillText: (text: string) => log.push(`${name} fill ${text}`),
    drawImage: (image: { id: string }, x: number, y: number) =>
      log.push(`${name} blit ${image.id} ${x},${y}`),
  };
}

/** A document whose OffscreenCanvas records how many are made and what each hands over as a bitmap. */
function fakeDocument(log: string[]) {
  let made = 0;
  let bitmaps = 0;
  class FakeOffscreen {
    readonly ctx = recordingContext(log, 'scratch');
    width: number;
    height: number;
    constructor(width: number, height: number) {
      made++;
      this.width = width;
      this.height = height;
    }
    getContext() {
      return this.ctx;
    }
    transferToImageBitmap() {
      bitmaps++;
      log.push(`bitmap ${this.width}x${this.height}`);
      return { id: `bitmap${bitmaps}` };
    }
  }
  return {
    doc: {
      defaultView: { OffscreenCanvas: FakeOffscreen },
      createElement: () => {
        throw new Error('no canvas element is made where OffscreenCanvas exists');
      },
    } as unknown as Document,
    made: () => made,
  };
}

describe('createLabelSprites', () => {
  it('draws every new label on one scratch canvas and takes it off as a bitmap; a label seen before is one blit', () => {
    const log: string[] = [];
    const { doc, made } = fakeDocument(log);
    const sprites = createLabelSprites(doc);
    const pane = recordingContext(log, 'pane');
    const font = '11px system-ui';
    const draw = (text: string, y: number) =>
      sprites(pane as never, text, 100, y, '#26a69a', font, 2, 'left');
    for (const [i, price] of ['95,001', '95,002', '95,003'].entries()) expect(draw(price, 10 + i)).toBe(true);
    expect(draw('95,002', 40)).toBe(true);
    expect(made()).toBe(1);
    expect(log.filter((l) => l.startsWith('bitmap'))).toHaveLength(3);
    // pad = ceil(1.5 × 2) + 2 = 5; 6 characters × 7 px + 2 × pad wide, 2 × (11 + pad) high.
    expect(log.filter((l) => l.startsWith('bitmap'))[0]).toBe('bitmap 52x32');
    expect(log.filter((l) => l.startsWith('pane'))).toEqual([
      'pane blit bitmap1 95,-6',
      'pane blit bitmap2 95,-5',
      'pane blit bitmap3 95,-4',
      'pane blit bitmap2 95,24',
    ]);
    // Each sprite is drawn with its halo, then its text, on the scratch canvas.
    expect(log.filter((l) => l.startsWith('scratch') && l.includes('95,003'))).toEqual([
      'scratch stroke 95,003',
      'scratch fill 95,003',
    ]);
  });

  it('leaves a label off whole pixels to be drawn directly', () => {
    const log: string[] = [];
    const { doc, made } = fakeDocument(log);
    const sprites = createLabelSprites(doc);
    expect(
      sprites(recordingContext(log, 'pane') as never, '95,001', 100.5, 10, '#fff', '11px x', 1, 'left'),
    ).toBe(false);
    expect(made()).toBe(0);
  });
});
