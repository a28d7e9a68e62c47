// `node bench/run.ts feeds`: feed parsing against feedparser's corpus (EVALUATION.md "Feeds").
// Prints the pass rate next to the 95% target, crashes, every failing expectation and the counts of
// expectations that do not apply to a digest bot, so nothing is skipped silently.
import { existsSync } from 'node:fs';
import { CORPUS_DIR, runCorpus } from '../tests/ingest/feeds/corpus-eval.ts';

const TARGET = 0.95;

export default async function (): Promise<void> {
  if (!existsSync(CORPUS_DIR)) {
    console.log(`feedparser corpus not found at ${CORPUS_DIR}: skipped`);
    return;
  }
  const started = performance.now();
  const report = await runCorpus();
  const seconds = (performance.now() - started) / 1000;
  const rate = report.applicable === 0 ? 0 : report.passed / report.applicable;
  const notApplicable = [...report.notApplicable.values()].reduce((a, b) => a + b, 0);
  console.log(`files                 ${report.files} (${(report.files / seconds).toFixed(0)} files/s incl. evaluation)`);
  console.log(`crashes               ${report.crashes.length}   target 0`);
  for (const crash of report.crashes) console.log(`  crash ${crash.file}: ${crash.error}`);
  console.log(`typed parse errors    ${report.parseErrors}`);
  console.log(`expectations applied  ${report.applicable}`);
  console.log(`pass rate             ${(rate * 100).toFixed(1)}% (${report.passed}/${report.applicable})   target ${TARGET * 100}%  ${rate >= TARGET ? 'MET' : 'MISSED'}`);
  const ill = report.illformed;
  console.log(
    `ill-formed files      ${ill.total}: ${ill.withItems} yield items, ${ill.clearError} a clear error, ` +
      `${ill.noItemsInSource} have no items to yield, ${ill.lostItems.length} lost items`,
  );
  console.log('  (titles, summaries and content compare as rendered text: markup stripped, entities decoded;');
  console.log('   dates compare as instants; `bozo` clauses are not scored, see the not-applicable list)');
  console.log(`failing expectations  ${report.failures.length}`);
  for (const failure of report.failures) console.log(`  ${failure.file}: ${failure.expect}`);
  console.log(`not applicable        ${notApplicable} files, by first non-applicable field:`);
  const rows = [...report.notApplicable].sort((a, b) => b[1] - a[1]);
  for (const [reason, count] of rows) console.log(`  ${String(count).padStart(4)}  ${reason}`);
}
