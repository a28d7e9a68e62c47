// `news-digest explain <articleId> [<articleId>]`: why an article sits in its story.
import { openApp } from '../app/open-app.ts';
import { UserError } from '../domain/errors.ts';
import type { Explanation } from '../cluster/types.ts';
import type { CliCommand } from './command.ts';
import { CONFIG_FLAG, CONFIG_HELP, loadFromContext } from './shared-flags.ts';

// One line per feature of the placement model, largest effect first: its value and what it added to the
// log-odds of joining (the bias and the other candidates' features are not shown).
function featureLines(features: Explanation['features']): string[] {
  if (features.length === 0) return [];
  const sorted = [...features].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  return [
    '  feature contributions (log-odds):',
    ...sorted.map((f) => `    ${f.feature.padEnd(18)} ${f.value.toFixed(3).padStart(7)}  ${f.contribution >= 0 ? '+' : ''}${f.contribution.toFixed(2)}`),
  ];
}

export const explainCommand: CliCommand = {
  name: 'explain',
  summary: 'say why an article joined its story (scores, shared names and terms)',
  help: `Usage: news-digest explain <articleId> [<otherArticleId>] [--json]

Shows how the story engine placed a stored article: opened a story, joined one, or rewrites an
earlier article; with the join probability against the model's cutoff, what each feature of the
placement model added to it, and the names and terms it shares. With a second article id, also
their direct similarity. Article ids appear in 'digest --format json'.

Options:
      --json          print the explanation as JSON
${CONFIG_HELP}
`,
  options: { ...CONFIG_FLAG, json: { type: 'boolean' } },
  positionals: { min: 1, max: 2 },
  async run(context) {
    const [articleId, otherId] = context.positionals;
    const app = await openApp(loadFromContext(context));
    try {
      const explanation = await app.newsroom.explain(articleId ?? '', otherId);
      if (explanation === undefined) {
        throw new UserError('ARTICLE_UNKNOWN', `no stored article has id ${articleId ?? ''} (ingest it first)`);
      }
      if (context.values.json === true) {
        context.io.stdout.write(`${JSON.stringify(explanation, null, 2)}\n`);
        return 0;
      }
      const e = explanation;
      const lines = [
        `${e.articleId}: ${e.decision} ${e.storyId}`,
        e.decision === 'rewrite'
          ? `  text overlap ${e.score.toFixed(3)} (rewrite threshold ${e.threshold.toFixed(3)})`
          : `  join probability ${e.score.toFixed(3)} (cutoff ${e.threshold.toFixed(3)})`,
        ...featureLines(e.features),
        ...(e.rewriteOf === null ? [] : [`  rewrites ${e.rewriteOf} (text overlap ${(e.rewriteSimilarity ?? 0).toFixed(2)})`]),
        `  shared names: ${e.sharedNames.join(', ') || '(none)'}`,
        `  shared terms: ${e.sharedTerms.join(', ') || '(none)'}`,
        ...(e.pairSimilarity === null ? [] : [`  similarity to ${otherId ?? ''}: ${e.pairSimilarity.toFixed(3)}`]),
      ];
      context.io.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    } finally {
      await app.close();
    }
  },
};
