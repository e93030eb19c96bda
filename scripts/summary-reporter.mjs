// Prints one plain line CI can read after every run: `tests: N passed, M failed`.
// Files that fail to load count as failures; skipped tests are listed by name.
export default class SummaryReporter {
  onTestRunEnd(testModules, unhandledErrors) {
    let passed = 0;
    let failed = 0;
    const skipped = [];
    for (const mod of testModules) {
      let inModule = 0;
      for (const test of mod.children.allTests()) {
        inModule++;
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped.push(`${mod.moduleId.replace(process.cwd() + '/', '')} > ${test.fullName}`);
      }
      if (inModule === 0 && mod.state() === 'failed') failed++;
    }
    failed += unhandledErrors.length;
    for (const name of skipped) console.log(`skipped: ${name}`);
    console.log(`tests: ${passed} passed, ${failed} failed${skipped.length ? `, ${skipped.length} skipped` : ''}`);
  }
}
