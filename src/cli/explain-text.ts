// The text of `news-digest explain`: each number said together with what it was measured against,
// so "0.161 (cutoff 0.400)" cannot be read as a score of the story the article ended up in.
import type { Explanation } from '../cluster/types.ts';

export function explainLines(e: Explanation, otherId: string | undefined): string[] {
  return [
    `${e.articleId}: ${e.decision} ${e.storyId}`,
    ...scoreLines(e),
    ...featureLines(e),
    ...(e.rewriteOf === null ? [] : [`  rewrites ${e.rewriteOf} (text overlap ${(e.rewriteSimilarity ?? 0).toFixed(2)})`]),
    `  shared names: ${e.sharedNames.join(', ') || '(none)'}`,
    `  shared terms: ${e.sharedTerms.join(', ') || '(none)'}`,
    ...(e.pairSimilarity === null ? [] : [`  similarity to ${otherId ?? ''}: ${e.pairSimilarity.toFixed(3)}`]),
  ];
}

function scoreLines(e: Explanation): string[] {
  const score = e.score.toFixed(3);
  const threshold = e.threshold.toFixed(3);
  switch (e.decision) {
    case 'rewrite':
      return [`  text overlap with ${e.rewriteOf ?? 'the earlier article'}: ${score} (an article at or above ${threshold} is a rewrite of it)`];
    case 'joined-story':
      return [`  join probability for story ${e.storyId}: ${score} (an article joins a story at or above ${threshold})`];
    case 'new-story':
      // Features are those of the best candidate it turned down; none means the story index (an inverted
      // index over key terms) offered no candidate at all.
      return e.features.length === 0
        ? [`  no earlier story was a candidate (it came first, or no story shares its key terms), so it opened ${e.storyId}`]
        : [
            `  join probability for the best candidate story: ${score}, below the cutoff ${threshold}, so it opened ${e.storyId}`,
          ];
  }
}

// One line per feature of the placement model, largest effect first: its value and what it added to the
// log-odds of joining (the bias and the other candidates' features are not shown).
function featureLines(e: Explanation): string[] {
  if (e.features.length === 0) return [];
  const sorted = [...e.features].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  const against = e.decision === 'new-story' ? 'the best candidate story' : `story ${e.storyId}`;
  return [
    `  feature contributions (log-odds of joining ${against}):`,
    ...sorted.map((f) => `    ${f.feature.padEnd(18)} ${f.value.toFixed(3).padStart(7)}  ${f.contribution >= 0 ? '+' : ''}${f.contribution.toFixed(2)}`),
  ];
}
