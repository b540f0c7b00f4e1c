import { z } from '../util/zod';

/** A base asset as the venues share it: BTC, ETH, 1000PEPE. */
export const AssetSchema = z
  .string()
  .check(z.regex(/^[A-Z0-9]{1,20}$/, 'expected an upper-case base asset such as BTC'));
export type Asset = z.infer<typeof AssetSchema>;
