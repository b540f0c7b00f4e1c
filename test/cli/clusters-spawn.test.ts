import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ClusterViewSchema } from '../../lib/model/cluster-view';
import { EXAMPLE } from './mem-io';

// tsx from node_modules rather than through npx, whose own warnings would land on stderr.
const tsx = (...args: string[]) =>
  spawnSync('node_modules/.bin/tsx', ['scripts/clusters.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('npm run clusters as a process', () => {
  it('exits 2 with one line on stderr for a missing file', () => {
    const result = tsx('--series', 'test/fixtures/series/no-such-file.json');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'clusters: cannot read test/fixtures/series/no-such-file.json: no such file\n',
    );
  }, 60_000);

  it('exits 0 and prints only the ClusterView with --json', () => {
    const result = tsx('--series', EXAMPLE, '--json');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(ClusterViewSchema.safeParse(JSON.parse(result.stdout)).success).toBe(true);
  }, 60_000);
});
