// `news-digest explain <articleId> [<articleId>]`: why an article sits in its story.
import { openApp } from '../app/open-app.ts';
import { UserError } from '../domain/errors.ts';
import type { CliCommand } from './command.ts';
import { explainLines } from './explain-text.ts';
import { CONFIG_FLAG, CONFIG_HELP, loadFromContext } from './shared-flags.ts';

export const explainCommand: CliCommand = {
  name: 'explain',
  summary: 'say why an article joined its story (scores, shared names and terms)',
  help: `Usage: news-digest explain <articleId> [<otherArticleId>] [--json]

Shows how the story engine placed a stored article: opened a story, joined one, or rewrites an
earlier article. Each score names what it was measured against: the join probability for the story
it joined (or for the best candidate it turned down) against the model's cutoff, or the text overlap
with the article it rewrites; then what each feature of the placement model added, and the names and
terms it shares. With a second article id, also their direct similarity. Article ids appear in
'digest --format json'.

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
      const lines = explainLines(explanation, otherId);
      context.io.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    } finally {
      await app.close();
    }
  },
};
