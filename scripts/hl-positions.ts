import { nodeIo } from './lib/cli-io';
import { runHlPositionsCli } from './lib/hl-positions-cli';

process.exitCode = await runHlPositionsCli(process.argv.slice(2), nodeIo());
