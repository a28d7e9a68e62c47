// Refits CONCEPT_MODEL (src/summarize/concept-model.ts): `node bench/fit-concept-model.ts` prints the
// coefficients to paste over the constant's body.
// Data: every row of the AllSides and Multi-News summarization sets (bench/concept-fit.ts says how examples
// are made and weighed). The shipped model is fitted on all of them; the figures that judge it come from the
// summarize bench, which refits the model per fold and scores each row with a model that never saw it.
// FIT_DROP=a,b leaves features out (to measure what each one adds).
import { CONCEPT_FEATURES, CONCEPT_MODEL } from '../src/summarize/concept-model.ts';
import { EXTRACTIVE_DEFAULTS } from '../src/summarize/defaults.ts';
import { conceptExamples, fitConceptModel, type ConceptExamples } from './concept-fit.ts';
import { SUMMARY_SETS, loadSummaryRows, rowArticles } from './summary-data.ts';

const dropped = new Set((process.env.FIT_DROP ?? '').split(',').filter((f) => f !== ''));
const sets: ConceptExamples[][] = SUMMARY_SETS.map((set) => {
  const rows = loadSummaryRows(set.file);
  const examples = rows.map((row) => conceptExamples(rowArticles(row), row.references, set.words, EXTRACTIVE_DEFAULTS));
  const pairs = examples.reduce((n, e) => n + e.labels.length, 0);
  const positives = examples.reduce((n, e) => n + e.labels.reduce((a, b) => a + b, 0), 0);
  console.error(`${set.name}: ${pairs} pairs, ${((100 * positives) / pairs).toFixed(1)}% in the reference`);
  return examples;
});
const model = fitConceptModel(sets, CONCEPT_MODEL, dropped, (line) => console.error(line));
console.log(`  bias: ${model.bias.toFixed(3)},`);
for (const name of CONCEPT_FEATURES) if (!dropped.has(name)) console.log(`  ${name}: ${model[name].toFixed(3)},`);
