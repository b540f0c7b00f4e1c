import { z } from '../../lib/util/zod';
import { CliError, type CliIo, firstLine } from './cli-io';
import { zodLine } from './zod-line';

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** Reads a text file; a missing or unreadable file is a CliError naming it. */
export async function readTextFile(io: CliIo, path: string): Promise<string> {
  try {
    return await io.readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason = typeof code === 'string' && READ_ERRORS[code] ? READ_ERRORS[code] : firstLine(error);
    throw new CliError(`cannot read ${path}: ${reason}`);
  }
}

/** Reads and parses a JSON file; a missing file or broken JSON is a CliError naming the file. */
export async function readJsonFile(io: CliIo, path: string): Promise<unknown> {
  return parseJson(await readTextFile(io, path), path);
}

/**
 * Parses JSON text; `label` names where it came from in the message (a file or a flag). A leading byte
 * order mark, which editors on Windows write, is skipped as RFC 8259 allows.
 */
export function parseJson(text: string, label: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new CliError(`${label}: invalid JSON (${firstLine(error)})`);
  }
}

/** Parses with a schema or throws a CliError whose message names the field path. */
export function parseWithSchema<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  label: string,
): z.infer<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) throw new CliError(zodLine(result.error, label));
  return result.data;
}
