import { runBench } from './lib/bench/run-bench';
import { nodeIo } from './lib/cli-io';

process.exitCode = await runBench(process.argv.slice(2), nodeIo());
