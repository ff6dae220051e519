import type { SerializedError } from 'vitest';
import type { Reporter, TestModule, TestRunEndReason } from 'vitest/node';

/**
 * Prints the plain closing line CI counts ("N passed, N failed, N skipped") after vitest's own summary,
 * which CI does not read. A run that failed outside any test (a global setup that threw, an unhandled
 * error) counts as at least one failure, so it can never read as a clean pass.
 */
export default class CountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      let failedInModule = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedInModule++;
        else skipped++;
      }
      // A file that failed to load or whose hooks threw has no failed test of its own.
      if (module.state() === 'failed' && failedInModule === 0) failedInModule = 1;
      failed += failedInModule;
    }
    failed += unhandledErrors.length;
    if (reason !== 'passed' && failed === 0) failed = 1;
    console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}
