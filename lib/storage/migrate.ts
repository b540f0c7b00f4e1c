import { err, ok, type Result } from '../util/result';

/** `migrations[n]` turns data of version n − 1 into version n. */
export type Migrations = Readonly<Record<number, (data: unknown) => unknown>>;

/** Runs every step from `from` up to `to`, in order; a missing or throwing step stops with a message. */
export function migrate(
  data: unknown,
  from: number,
  to: number,
  migrations: Migrations,
): Result<unknown, string> {
  let current = data;
  for (let version = from + 1; version <= to; version++) {
    const step = migrations[version];
    if (!step) return err(`no migration from version ${version - 1} to ${version}`);
    try {
      current = step(current);
    } catch (cause) {
      return err(
        `migration to version ${version} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
    }
  }
  return ok(current);
}
