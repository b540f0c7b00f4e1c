export { decimalsForInterval } from './interval';
export { formatUsd } from './money';
export { formatFixed, MINUS, NOT_A_NUMBER, roundHalfUp } from './number';
export { formatFundingRate, formatPercent, formatShare, formatSignedPercent } from './percent';
export { decimalsOfStep, formatPrice } from './price';
export { formatDuration, formatUtc } from './time';
