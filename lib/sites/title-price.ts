/**
 * A price as the supported sites print it in the tab title: en-US digits, optional thousands commas, optional
 * decimals (`67,012.5`, `0.00001234`, `3312`). Anything else (a locale's `67 012,5`, a sign, a unit) is refused
 * rather than guessed: the overlay then keeps the view's reference price.
 */
const PRICE = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

export function parseTitlePrice(text: string | undefined): number | null {
  if (text === undefined || !PRICE.test(text)) return null;
  const value = Number(text.replaceAll(',', ''));
  return Number.isFinite(value) && value > 0 ? value : null;
}

// A number that is a whole token: not the digits of a ticker like 1000PEPEUSDT or a percentage like +1.2%.
const NUMBER_TOKEN = /(?<![\w.,+\-−])(\d(?:[\d,]*\d)?(?:\.\d+)?)(?![\w%]|[.,]\d)/g;

/** The first stand-alone price in a title, for sites whose title layout is not pinned down (GUESS formats). */
export function firstTitlePrice(title: string): number | null {
  for (const match of title.matchAll(NUMBER_TOKEN)) {
    const price = parseTitlePrice(match[1]);
    if (price !== null) return price;
  }
  return null;
}

/** `"97,123.4 | BTCUSDT …"`: the price that leads the title, before a `|`. */
export function leadingTitlePrice(title: string): number | null {
  return parseTitlePrice(/^\s*([\d.,]+)\s*\|/.exec(title)?.[1]);
}
