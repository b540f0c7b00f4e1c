export const PLAN_MESSAGE =
  'Your CoinGlass plan does not include the liquidation map (Professional plan needed)';
export const NO_KEY_MESSAGE = 'No CoinGlass API key is set';
export const KEY_REFUSED_MESSAGE = 'CoinGlass did not accept the API key: check it in the options';
