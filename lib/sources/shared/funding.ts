import type { Funding } from '../../market/types';

/** A funding rate for one interval, with its 8-hour equivalent (a 4 h rate counts twice in 8 h). */
export function makeFunding(rate: number, intervalHours: number, nextFundingTime: number | null): Funding {
  return { rate, intervalHours, rate8h: (rate * 8) / intervalHours, nextFundingTime };
}
