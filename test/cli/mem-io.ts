import { readFileSync } from 'node:fs';
import type { CliIo } from '../../scripts/lib/cli-io';

/** An in-memory CliIo: files from a map (or, for paths under test/fixtures, from disk), output captured. */
export function memIo(files: Record<string, string> = {}) {
  const out: string[] = [];
  const errs: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => errs.push(text),
    readFile: async (path) => {
      if (path in files) return files[path] as string;
      if (path.startsWith('test/fixtures/')) return readFileSync(path, 'utf8');
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    },
  };
  return {
    io,
    stdout: () => out.join(''),
    stderr: () => errs.join(''),
  };
}

export const EXAMPLE = 'test/fixtures/series/btc-example.json';
export const EXAMPLE_DEPTH = 'test/fixtures/series/btc-example-depth.json';
