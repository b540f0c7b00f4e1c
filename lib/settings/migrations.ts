import type { Migrations } from '../storage/migrate';

/** Version of the stored and exported settings. Bump it together with a step below when their shape changes. */
export const SETTINGS_VERSION = 1;

/**
 * `SETTINGS_MIGRATIONS[n]` turns version n − 1 settings into version n. Version 1 is the first release, so there
 * is none yet; a step is a pure function of the old JSON (see test/storage/versioned-item.test.ts for the pattern).
 */
export const SETTINGS_MIGRATIONS: Migrations = {};
