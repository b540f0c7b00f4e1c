import type { z } from '../util/zod';
import { ViewReplySchema } from './view-entry';

/** Background → popup (runtime message) and → watching tabs (tabs.sendMessage). */
export const PUSHES = {
  viewUpdated: { data: ViewReplySchema },
} as const;

export type PushType = keyof typeof PUSHES;
export type PushData<K extends PushType> = z.infer<(typeof PUSHES)[K]['data']>;

export const isPushType = (type: string): type is PushType => Object.hasOwn(PUSHES, type);
