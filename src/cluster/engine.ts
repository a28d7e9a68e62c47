// The story engine: each article is placed once, as it arrives. First the rewrite relation (exact hash, then
// MinHash-LSH and the members of the closest stories, verified by term cosine), then the story relation:
// single-pass clustering of TF-IDF vectors against story centroids with time decay, candidates from an
// inverted index (Miranda et al. 2018, "Multilingual Clustering of Streaming News", EMNLP). Deterministic:
// no randomness, ties broken by arrival order, story ids derived from the opening article's id.
import type { Article } from '../domain/article.ts';
import { stableId } from '../domain/ids.ts';
import type { Assignment, Story } from '../domain/story.ts';
import { createExactIndex } from '../dedupe/exact-index.ts';
import { fingerprint as fingerprintOf, type Fingerprint } from '../dedupe/fingerprint.ts';
import { createLshIndex } from '../dedupe/lsh-index.ts';
import { estimateJaccard } from '../dedupe/minhash.ts';
import { analyzeArticle } from './analyze.ts';
import { createLexicon } from './lexicon.ts';
import { explainPlacement, type Placement } from './explain.ts';
import { STORY_ENGINE_DEFAULTS, type StoryEngineOptions } from './options.ts';
import {
  addAndPrune,
  idfCosine,
  idfDotter,
  pick,
  rankingScratch,
  seenBefore,
  topPositions,
  withIdf,
  EMPTY_VECTOR,
  type IdfDot,
  type SparseVector,
} from './sparse.ts';
import { createStoryIndex } from './story-index.ts';
import type { Explanation, StoryEngine } from './types.ts';
import { createVocabulary } from './vocabulary.ts';

interface StoryState {
  readonly id: string;
  readonly articleIds: string[];
  readonly members: number[];
  centroid: SparseVector;
  /** Publication time span of the dated members (ms), NaN while none is dated. */
  first: number;
  last: number;
}

interface ArticleState {
  readonly id: string;
  readonly story: number;
  readonly vector: SparseVector;
  readonly fingerprint: Fingerprint;
  readonly placement: Placement;
}

const DAY_MS = 86_400_000;

export function createStoryEngine(overrides: Partial<StoryEngineOptions> = {}): StoryEngine {
  const options: StoryEngineOptions = { ...STORY_ENGINE_DEFAULTS, ...overrides };
  const vocabulary = createVocabulary({
    documents: options.idfPrior,
    topicDocuments: options.topicPrior,
    topicPower: options.topicPower,
    topicFrom: options.topicFrom,
  });
  const lexicon = createLexicon(vocabulary);
  const exact = createExactIndex();
  const lsh = createLshIndex();
  const index = createStoryIndex(options.postingCap);
  const articles: ArticleState[] = [];
  const stories: StoryState[] = [];
  const byArticleId = new Map<string, number>();
  const byStoryId = new Map<string, number>();

  function vectorize(article: Article): {
    vector: SparseVector;
    print: Fingerprint;
    hasWords: boolean;
    distinctTerms: number;
  } {
    const analyzed = analyzeArticle(article, options, lexicon);
    vocabulary.addDocument(analyzed.ids);
    // Keep the terms heaviest under TF-IDF, stored as raw TF scaled to unit TF-IDF length, so that each
    // article weighs the same in its story's centroid whatever IDF becomes later. Plain IDF here: a topic
    // word of the stream's opening is discounted when scoring, not dropped for good.
    const idf = vocabulary.plainWeights();
    const ranked = rankingScratch(analyzed.ids.length);
    for (let k = 0; k < ranked.length; k += 1) {
      const w = idf.logN - (idf.logDf[analyzed.ids[k]!] ?? 0);
      ranked[k] = w > 0 ? analyzed.tf[k]! * w : 0;
    }
    const kept = topPositions(ranked, options.maxArticleTerms);
    let length = 0;
    for (const p of kept) length += ranked[p]! * ranked[p]!;
    const vector = pick(analyzed.ids, analyzed.tf, kept, length > 0 ? 1 / Math.sqrt(length) : 1);
    return {
      vector,
      print: fingerprintOf(analyzed.wordHashes, analyzed.contentIds),
      hasWords: analyzed.wordHashes.length > 0,
      distinctTerms: analyzed.ids.length,
    };
  }

  function timeFactor(time: number, story: StoryState): number {
    if (Number.isNaN(time) || Number.isNaN(story.first)) return 1;
    const gapDays = Math.max(0, story.first - time, time - story.last) / DAY_MS;
    return gapDays <= options.graceDays ? 1 : Math.exp(-(gapDays - options.graceDays) / options.decayDays);
  }

  /**
   * Cosine to the centroid, times the story's cohesion |sum of members| / members raised to `cohesionPower`:
   * a story whose members agree (one event) keeps its full score, while a story that has drifted into a
   * topic (members sharing only "Kavanaugh" or "North Korea") is discounted instead of pulling in every new
   * article on that topic. Then the time decay. When both the article and the story are dated, the time
   * decay is the guard against topic drift (a topic's stories are spread over months, one event's reports
   * over days), so a big fresh story of many differently worded reports is not discounted.
   */
  function storyScore(dotWith: (b: SparseVector) => IdfDot, story: StoryState, time: number): number {
    const { dot, normA: fullNorm, normB, normASeen } = dotWith(story.centroid);
    const normA = options.ignoreNovelTerms ? normASeen : fullNorm;
    if (normA === 0 || normB === 0) return 0;
    const dated = !Number.isNaN(time) && !Number.isNaN(story.first);
    const cohesion = dated ? 1 : Math.min(1, normB / story.members.length);
    return (dot / (normA * normB)) * cohesion ** options.cohesionPower * timeFactor(time, story);
  }

  function bestRewrite(
    fingerprint: Fingerprint,
    candidates: Iterable<number>,
  ): { doc: number; similarity: number } | undefined {
    let best: { doc: number; similarity: number } | undefined;
    for (const doc of candidates) {
      const other = articles[doc]!.fingerprint;
      const shingles = estimateJaccard(fingerprint.signature, other.signature);
      const phrases = estimateJaccard(fingerprint.phrases, other.phrases);
      if (shingles < options.rewriteJaccard && phrases < options.rewritePhrases) continue;
      // Reported as the larger overlap; phrase overlap of a paraphrase is far below 1 even when it is one.
      const similarity = Math.max(shingles, phrases);
      if (best === undefined || similarity > best.similarity || (similarity === best.similarity && doc < best.doc)) {
        best = { doc, similarity };
      }
    }
    return best;
  }

  function place(article: Article): ArticleState {
    const { vector, print, hasWords, distinctTerms } = vectorize(article);
    // Short texts overlap by chance more: a few shared words give a short text a high cosine. The bar rises
    // as 1/sqrt(distinct terms), the scale of chance cosine between random sparse vectors, so headlines
    // and full articles are judged alike without a per-data-set threshold.
    // Capped: a headline alone would otherwise need a near-copy to join anything.
    const threshold = Math.min(
      options.maxThreshold,
      options.storyThreshold + options.shortTextPenalty / Math.sqrt(Math.max(1, distinctTerms)),
    );
    const time = article.published === null ? NaN : Date.parse(article.published);
    const idf = vocabulary.weights();
    const weighted = withIdf(vector, idf);
    // The article's side of every story comparison, computed once (same sums as idfDot).
    const dotWith = idfDotter(vector, idf);

    const scored = index
      .candidates(seenBefore(weighted, idf), options.queryTerms, options.maxCandidates)
      .map((story) => ({ story, score: storyScore(dotWith, stories[story]!, time) }))
      .sort((a, b) => b.score - a.score || a.story - b.story);

    const copyOf = hasWords ? exact.find(print.exact) : undefined;
    let rewrite = copyOf === undefined ? undefined : { doc: copyOf, similarity: 1 };
    if (rewrite === undefined) {
      const pool = new Set(lsh.candidates(print.signature));
      for (const { story } of scored.slice(0, 3)) {
        for (const member of stories[story]!.members.slice(-options.rewriteMembers)) pool.add(member);
      }
      rewrite = bestRewrite(print, pool);
    }

    let storyIndex: number;
    let placement: Placement;
    let against = EMPTY_VECTOR;
    if (rewrite !== undefined) {
      storyIndex = articles[rewrite.doc]!.story;
      placement = {
        decision: 'rewrite',
        score: rewrite.similarity,
        threshold: options.rewritePhrases,
        rewriteOf: rewrite.doc,
      };
      against = articles[rewrite.doc]!.vector;
    } else if (scored[0] !== undefined && scored[0].score >= threshold) {
      storyIndex = scored[0].story;
      placement = {
        decision: 'joined-story',
        score: scored[0].score,
        threshold,
        rewriteOf: null,
      };
      against = stories[storyIndex]!.centroid;
    } else {
      storyIndex = stories.length;
      const id = stableId('s-', article.id);
      stories.push({ id, articleIds: [], members: [], centroid: EMPTY_VECTOR, first: NaN, last: NaN });
      byStoryId.set(id, storyIndex);
      placement = {
        decision: 'new-story',
        score: scored[0]?.score ?? 0,
        threshold,
        rewriteOf: null,
      };
    }
    placement = { ...placement, ...explainPlacement(weighted, against, idf, vocabulary, lexicon.isName) };

    const doc = articles.length;
    const story = stories[storyIndex]!;
    story.articleIds.push(article.id);
    story.members.push(doc);
    story.centroid = addAndPrune(story.centroid, vector, vocabulary.plainWeights(), options.maxCentroidTerms);
    if (!Number.isNaN(time)) {
      story.first = Number.isNaN(story.first) ? time : Math.min(story.first, time);
      story.last = Number.isNaN(story.last) ? time : Math.max(story.last, time);
    }
    index.add(storyIndex, weighted, options.indexTerms);
    lsh.add(doc, print.signature);
    if (hasWords) exact.add(print.exact, doc);
    const state: ArticleState = { id: article.id, story: storyIndex, vector, fingerprint: print, placement };
    articles.push(state);
    byArticleId.set(article.id, doc);
    return state;
  }

  function assignmentOf(state: ArticleState): Assignment {
    const { placement } = state;
    return {
      articleId: state.id,
      storyId: stories[state.story]!.id,
      rewriteOf: placement.rewriteOf === null ? null : articles[placement.rewriteOf]!.id,
      score: placement.decision === 'new-story' ? 0 : placement.score,
    };
  }

  return {
    add(article) {
      const known = byArticleId.get(article.id);
      return assignmentOf(known === undefined ? place(article) : articles[known]!);
    },
    assignment(articleId) {
      const doc = byArticleId.get(articleId);
      return doc === undefined ? undefined : assignmentOf(articles[doc]!);
    },
    story(storyId) {
      const story = byStoryId.get(storyId);
      return story === undefined ? undefined : toStory(stories[story]!);
    },
    stories: () => stories.map(toStory),
    explain(articleId, otherArticleId): Explanation | undefined {
      const doc = byArticleId.get(articleId);
      if (doc === undefined) return undefined;
      const state = articles[doc]!;
      const { placement } = state;
      const assignment = assignmentOf(state);
      const base: Explanation = {
        articleId,
        storyId: assignment.storyId,
        decision: placement.decision,
        score: placement.score,
        threshold: placement.threshold,
        rewriteOf: assignment.rewriteOf,
        rewriteSimilarity: placement.decision === 'rewrite' ? placement.score : null,
        sharedNames: placement.sharedNames ?? [],
        sharedTerms: placement.sharedTerms ?? [],
        pairSimilarity: null,
      };
      if (otherArticleId === undefined) return base;
      const otherDoc = byArticleId.get(otherArticleId);
      if (otherDoc === undefined) return undefined;
      const other = articles[otherDoc]!;
      const idf = vocabulary.weights();
      const shared = explainPlacement(withIdf(state.vector, idf), other.vector, idf, vocabulary, lexicon.isName);
      return { ...base, ...shared, pairSimilarity: idfCosine(state.vector, other.vector, idf) };
    },
  };
}

function toStory(story: StoryState): Story {
  return { id: story.id, articleIds: [...story.articleIds] };
}
