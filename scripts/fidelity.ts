import { nodeIo } from './lib/cli-io';
import { runFidelityCli } from './lib/fidelity-cli';

process.exitCode = await runFidelityCli(process.argv.slice(2), nodeIo());
