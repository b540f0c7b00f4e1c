/** What every source factory may take besides the HttpClient. */
export interface SourceOptions {
  /**
   * The clock used to tell a forming candle from a closed one when the venue's response carries no time
   * of its own (Binance without a `Date` header). Default `Date.now`.
   */
  now?: () => number;
}
