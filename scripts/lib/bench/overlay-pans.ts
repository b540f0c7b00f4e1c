// The bench's pans, apart from overlay-browser.ts: the case registry reads them without loading Playwright, whose heap
// would slow the Node cases measured in the same process.

/**
 * How many times the pans whose thread time is held to the 1 ms target are traced, their frames pooled: one 3 s pan's
 * p95 is its ninth-slowest frame, which moves by a tenth of a millisecond or more from one pan to the next here.
 */
export const TRACED_PANS = 3;

/** How long one bench pan lasts: some 180 animation frames. */
export const PAN_MS = 3_000;

/**
 * Range pans run untraced after the ones traced just after the page loaded, before everything else is measured: the
 * figures held to the 1 ms target are the extension's cost once V8 has compiled the code a pan runs, as for a trader
 * who has had the chart open for a while. Code that runs once a frame is still being compiled in the first pans (V8
 * handled interrupts inside our calls in 110–130 of some 540 traced frames of the first three pans after load here,
 * in 45–60 after 18 s of panning, 15–30 with 500 marks), and those pans cost more: they are traced apart
 * (`afterLoadThread`) and reported with no target.
 */
export const WARM_UP_PANS = 6;

/** How often the live-price pan changes the chart's last price (a busy market ticks more often still). */
export const LIVE_TICK_MS = 100;

/** How long the chart is held still while its price changes on every frame. */
export const STILL_LIVE_MS = 3_000;
