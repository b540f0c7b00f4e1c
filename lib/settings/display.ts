import type { DisplayOptions } from '../chart/layout';
import type { Settings } from './schema';

/** What the popup, the overlay and the ladder draw with, from the settings (the at-risk move from the model's). */
export function displayOptions(settings: Settings, movePct = settings.model.movePct): DisplayOptions {
  const { minBandUsd, bandsPerSide, longColor, shortColor, opacity } = settings.display;
  return { minBandUsd, bandsPerSide, longColor, shortColor, opacity, movePct };
}
