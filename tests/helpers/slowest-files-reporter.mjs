/**
 * Jest reporter: after each run, the 10 slowest test files (wall time in their worker), so the
 * next slowdown is seen where it starts. Plain JavaScript: Jest loads reporters untransformed.
 */
import { relative } from 'node:path';

const SHOWN = 10;

export default class SlowestFilesReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const files = results.testResults
      .map((file) => ({ path: relative(this.rootDir, file.testFilePath), seconds: (file.perfStats.end - file.perfStats.start) / 1000 }))
      .filter((file) => Number.isFinite(file.seconds))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, SHOWN);
    if (files.length === 0) return;
    const width = Math.max(...files.map((file) => file.seconds.toFixed(1).length));
    const lines = files.map((file) => `  ${file.seconds.toFixed(1).padStart(width)} s  ${file.path}`);
    process.stdout.write(`\nslowest ${files.length} test files:\n${lines.join('\n')}\n`);
  }
}
