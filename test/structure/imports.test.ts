import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** Every relative import of a file, resolved to a path from the repository root. */
function imports(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) =>
    path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), m[1] as string)),
  );
}

describe('the house layout', () => {
  it('scripts/ imports nothing from test/', () => {
    const offending = sources('scripts').flatMap((f) =>
      imports(f)
        .filter((target) => target.startsWith('test/'))
        .map((target) => `${f} → ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('lib/ imports nothing from components/, entrypoints/, scripts/ or test/', () => {
    const offending = sources('lib').flatMap((f) =>
      imports(f)
        .filter((target) => /^(components|entrypoints|scripts|test)\//.test(target))
        .map((target) => `${f} → ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('the site list depends on nothing', () => {
    expect(imports('lib/sites/site-list.ts')).toEqual([]);
  });

  it('lib/messages has no import loop', () => {
    const files = sources('lib/messages');
    const edges = new Map(
      files.map((f) => [
        f,
        imports(f)
          .map((t) => `${t}.ts`)
          .filter((t) => files.includes(t)),
      ]),
    );
    const visiting = new Set<string>();
    const done = new Set<string>();
    const loops: string[] = [];
    const visit = (f: string, trail: string[]): void => {
      if (done.has(f)) return;
      if (visiting.has(f)) {
        loops.push([...trail, f].join(' → '));
        return;
      }
      visiting.add(f);
      for (const next of edges.get(f) ?? []) visit(next, [...trail, f]);
      visiting.delete(f);
      done.add(f);
    };
    for (const f of files) visit(f, []);
    expect(loops).toEqual([]);
  });
});
