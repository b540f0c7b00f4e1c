import { readFile } from 'node:fs/promises';

/** What a command-line tool touches, injected so tests run it in-process. */
export interface CliIo {
  /** Writes to stdout as given (the caller ends lines). */
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
}

export function nodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
  };
}

/** Exit codes shared by the tools. */
export const EXIT = {
  ok: 0,
  /** A bug of ours: the message still fits on one line. */
  internal: 1,
  /** Bad input: flags, files, documents, parameters. */
  usage: 2,
  /** No venue could be reached (live fetching). */
  unreachable: 3,
} as const;

/** A failure the user can act on: one line for stderr and an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The first line of any thrown value, never a stack trace. */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').trim() || 'unknown error';
}

/**
 * Runs a tool's body and turns whatever it throws into one line on stderr, prefixed with the tool's name: a
 * `CliError` with its exit code, anything else as an internal error (exit 1). Never a stack trace.
 */
export async function withOneLineFailures(
  tool: string,
  io: CliIo,
  run: () => Promise<number>,
): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`${tool}: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`${tool}: internal error: ${firstLine(error)}\n`);
    return EXIT.internal;
  }
}
