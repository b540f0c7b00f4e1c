import { nodeIo } from './lib/cli-io';
import { runCli } from './lib/clusters-cli';

process.exitCode = await runCli(process.argv.slice(2), nodeIo());
