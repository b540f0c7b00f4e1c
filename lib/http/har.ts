import { err, ok, type Result } from '../util/result';
import { describeZodError, z } from '../util/zod';

// The HAR 1.2 subset LiqLens reads (http://www.softwareishard.com/blog/har-12-spec/); other fields pass through.

export const HarNameValueSchema = z.looseObject({ name: z.string(), value: z.string() });

export const HarRequestSchema = z.looseObject({
  method: z.string(),
  url: z.string().check(z.refine(isUrl, 'expected an absolute URL')),
  headers: z._default(z.array(HarNameValueSchema), []),
  queryString: z.optional(z.array(HarNameValueSchema)),
  postData: z.optional(z.looseObject({ mimeType: z.optional(z.string()), text: z.optional(z.string()) })),
});

export const HarResponseSchema = z.looseObject({
  status: z.number(),
  headers: z._default(z.array(HarNameValueSchema), []),
  content: z.looseObject({
    text: z.optional(z.string()),
    mimeType: z.optional(z.string()),
    encoding: z.optional(z.string()),
  }),
});

export const HarEntrySchema = z.looseObject({
  startedDateTime: z
    .string()
    .check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 date')),
  request: HarRequestSchema,
  response: HarResponseSchema,
});

export const HarDocumentSchema = z.looseObject({
  log: z.looseObject({
    version: z.optional(z.string()),
    entries: z.array(HarEntrySchema).check(z.minLength(1, 'a replay needs at least one recorded request')),
  }),
});

export type HarNameValue = z.infer<typeof HarNameValueSchema>;
export type HarEntry = z.infer<typeof HarEntrySchema>;
export type HarDocument = z.infer<typeof HarDocumentSchema>;

/** A HAR document from parsed JSON; the error is one line naming the field path. */
export function parseHar(input: unknown): Result<HarDocument, string> {
  const parsed = HarDocumentSchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(`not a usable HAR file: ${describeZodError(parsed.error)}`);
}

/** A HAR document from the text of a `.har` file. */
export function parseHarText(text: string): Result<HarDocument, string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err('not a usable HAR file: it is not JSON');
  }
  return parseHar(json);
}

/** The body text of a recorded response, decoding `encoding: base64`. */
export function entryText(entry: HarEntry): string {
  const { text = '', encoding } = entry.response.content;
  if (encoding !== 'base64') return text;
  const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

function isUrl(s: string): boolean {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}
