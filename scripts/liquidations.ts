import { nodeIo } from './lib/cli-io';
import { runLiquidationsCli } from './lib/liquidations-cli';

process.exitCode = await runLiquidationsCli(process.argv.slice(2), nodeIo());
