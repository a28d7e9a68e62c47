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
import { analyzeArticle, FIELD_LEAD, FIELD_TITLE } from './analyze.ts';
import { defaultBackground } from './background.ts';
import { createLexicon } from './lexicon.ts';
import { explainPlacement, type Placement } from './explain.ts';
import { STORY_ENGINE_DEFAULTS, type StoryEngineOptions } from './options.ts';
import {
  contributions,
  defaultPlacementModel,
  FEATURE_COUNT,
  joinLogit,
  placementFeatures,
  sigmoid,
  type PlacementModel,
} from './placement.ts';
import { entriesWhere, flagged, seenCosine, sharedCount } from './side-vectors.ts';
import {
  addAndPrune,
  idfCosine,
  idfDot,
  idfDotter,
  pick,
  rankingScratch,
  seenBefore,
  topPositions,
  withIdf,
  EMPTY_VECTOR,
  type SparseVector,
} from './sparse.ts';
import { emptyStoryVectors, retiredArticle } from './retired.ts';
import { createStoryIndex } from './story-index.ts';
import type { Explanation, StoryEngine } from './types.ts';
import { createVocabulary, type Background, type IdfWeights } from './vocabulary.ts';

interface StoryState {
  readonly id: string;
  readonly articleIds: string[];
  readonly members: number[];
  centroid: SparseVector;
  /** Title words, lead words and names of the members, summed like the centroid: compared on their own. */
  titles: SparseVector;
  leads: SparseVector;
  names: SparseVector;
  /** Publication time span of the dated members (ms), NaN while none is dated. */
  first: number;
  last: number;
  /** Retired stories stay in the arrays until the engine is rebuilt, but are never a candidate again. */
  retired: boolean;
}

export interface ArticleState {
  readonly id: string;
  readonly story: number;
  readonly vector: SparseVector;
  readonly fingerprint: Fingerprint;
  readonly placement: Placement;
  /** Features of the best candidate story when it was placed (undefined when there was none, or restored). */
  readonly features: readonly number[] | undefined;
  /** A restored rewrite whose original is no longer in memory: the original's id. */
  readonly rewriteOfId?: string;
}

/** Hooks for fitting the placement model; the running bot passes none. */
export interface StoryEngineHooks {
  /** The placement model (default: the shipped placement-model.json). */
  readonly model?: PlacementModel;
  /**
   * Teacher forcing: every article goes to its gold story (the one opened by the first article of its gold
   * label), and the features of each candidate story are recorded with whether it was the gold story.
   */
  readonly teacher?: PlacementTeacher;
  /** Background document frequencies (default: the shipped background-df.json; null: none). */
  readonly background?: Background | null;
}

export interface PlacementTeacher {
  goldOf(article: Article): string;
  record(features: readonly (readonly number[])[], joins: readonly boolean[]): void;
}

interface Candidate {
  readonly story: number;
  readonly features: readonly number[];
  readonly logit: number;
}

const DAY_MS = 86_400_000;
// Terms kept for a story's title, lead and name centroids: titles and leads are short, names few.
const SMALL_CENTROID_TERMS = 64;
// An article's most specific terms: about what a headline holds.
const SPECIFIC_TERMS = 10;

const NEUTRAL_MODEL: PlacementModel = { weights: new Array<number>(FEATURE_COUNT).fill(0), bias: 0, cutoff: 0.5 };

export function createStoryEngine(overrides: Partial<StoryEngineOptions> = {}, hooks: StoryEngineHooks = {}): StoryEngine {
  const options: StoryEngineOptions = { ...STORY_ENGINE_DEFAULTS, ...overrides };
  const { teacher } = hooks;
  // A teacher places by the gold answer, so it needs no model (and must not need the shipped one, which
  // is being refitted from what it records).
  const model = hooks.model ?? (teacher === undefined ? defaultPlacementModel() : NEUTRAL_MODEL);
  const goldStories = new Map<string, number>();
  const vocabulary = createVocabulary({
    documents: options.idfPrior,
    backgroundDocuments: options.backgroundDocuments,
    background: (hooks.background === undefined ? defaultBackground() : hooks.background) ?? undefined,
  });
  const lexicon = createLexicon(vocabulary);
  const exact = createExactIndex();
  const lsh = createLshIndex();
  const index = createStoryIndex(options.postingCap);
  const articles: ArticleState[] = [];
  const stories: StoryState[] = [];
  const byArticleId = new Map<string, number>();
  const byStoryId = new Map<string, number>();
  let retiredArticles = 0;

  function vectorize(article: Article) {
    const analyzed = analyzeArticle(article, options, lexicon);
    vocabulary.addDocument(analyzed.ids);
    // Keep the terms heaviest under TF-IDF, stored as raw TF scaled to unit TF-IDF length, so that each
    // article weighs the same in its story's centroid whatever IDF becomes later.
    const idf = vocabulary.weights();
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
      titles: flagged(analyzed.ids, analyzed.fields, FIELD_TITLE),
      leads: flagged(analyzed.ids, analyzed.fields, FIELD_LEAD),
      names: entriesWhere(vector, lexicon.isName),
      print: fingerprintOf(analyzed.wordHashes, analyzed.contentIds),
      hasWords: analyzed.wordHashes.length > 0,
      distinctTerms: analyzed.ids.length,
    };
  }

  /** Ids of the SPECIFIC_TERMS heaviest entries, ascending (a copy: the positions are a scratch view). */
  function specificIds(vector: SparseVector): Int32Array {
    const ranked = rankingScratch(vector.weights.length);
    ranked.set(vector.weights);
    const top = topPositions(ranked, SPECIFIC_TERMS);
    const ids = new Int32Array(top.length);
    for (let k = 0; k < top.length; k += 1) ids[k] = vector.ids[top[k]!]!;
    return ids;
  }

  /** Days between `time` and the story's span, NaN when either is undated. */
  function gapDays(time: number, story: StoryState): number {
    if (Number.isNaN(time) || Number.isNaN(story.first)) return NaN;
    return Math.max(0, story.first - time, time - story.last) / DAY_MS;
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

  /** Candidate stories with their features and logits, best logit first (ties: the older story). */
  function scoreCandidates(
    time: number,
    drawn: ReturnType<typeof vectorize>,
    weighted: SparseVector,
    idf: IdfWeights,
  ): Candidate[] {
    // The article's side of every story comparison, computed once (same sums as idfDot).
    const dotWith = idfDotter(drawn.vector, idf);
    const seen = seenBefore(weighted, idf);
    const found = index.candidates(seen, options.queryTerms, options.maxCandidates).filter((story) => !stories[story]!.retired);
    const specifics = specificIds(weighted);
    const dots = found.map((story) => dotWith(stories[story]!.centroid));
    const cosines = dots.map(seenCosine);
    let first = 0;
    let second = 0;
    for (const c of cosines) {
      if (c > first) [first, second] = [c, first];
      else if (c > second) second = c;
    }
    const hasTitle = drawn.titles.ids.length > 0;
    // Only the stories closest by body cosine get the full feature vector: the model's weight on the cosine
    // and its margin leaves a far one no chance, and the title, name and specifics comparisons cost more.
    const closest = found
      .map((_, k) => k)
      .sort((a, b) => cosines[b]! - cosines[a]! || found[a]! - found[b]!)
      .slice(0, options.featureCandidates);
    return closest
      .map((k) => {
        const storyIndex = found[k]!;
        const story = stories[storyIndex]!;
        const cosine = cosines[k]!;
        const features = placementFeatures({
          cosine,
          titleCosine: hasTitle ? seenCosine(idfDot(drawn.titles, story.titles, idf)) : 0,
          nameCosine: seenCosine(idfDot(drawn.names, story.names, idf)),
          leadCosine: seenCosine(idfDot(drawn.leads, story.leads, idf)),
          distinctTerms: drawn.distinctTerms,
          cohesion: Math.min(1, dots[k]!.normB / story.members.length),
          members: story.members.length,
          gapDays: gapDays(time, story),
          specificsShared: specifics.length === 0 ? 0 : sharedCount(specifics, story.centroid) / specifics.length,
          hasTitle,
          otherBest: found.length < 2 ? NaN : cosine === first ? second : first,
        });
        return { story: storyIndex, features, logit: joinLogit(model, features) };
      })
      .sort((a, b) => b.logit - a.logit || a.story - b.story);
  }

  function openStory(article: Article, id = stableId('s-', article.id)): number {
    const storyIndex = stories.length;
    stories.push({
      id,
      articleIds: [],
      members: [],
      centroid: EMPTY_VECTOR,
      titles: EMPTY_VECTOR,
      leads: EMPTY_VECTOR,
      names: EMPTY_VECTOR,
      first: NaN,
      last: NaN,
      retired: false,
    });
    byStoryId.set(id, storyIndex);
    return storyIndex;
  }

  function place(article: Article): ArticleState {
    const drawn = vectorize(article);
    const { vector, print, hasWords } = drawn;
    const idf = vocabulary.weights();
    const weighted = withIdf(vector, idf);
    // Publication time (ms), NaN when undated.
    const time = article.published === null ? NaN : Date.parse(article.published);
    const scored = scoreCandidates(time, drawn, weighted, idf);
    const best = scored[0];
    const joinProbability = best === undefined ? 0 : sigmoid(best.logit);

    let storyIndex: number;
    let placement: Placement;
    let against = EMPTY_VECTOR;
    const rewrite = teacher === undefined ? findRewrite(print, hasWords, scored) : undefined;
    if (teacher !== undefined) {
      const gold = teacher.goldOf(article);
      const goldStory = goldStories.get(gold);
      teacher.record(
        scored.map((c) => c.features),
        scored.map((c) => c.story === goldStory),
      );
      storyIndex = goldStory ?? openStory(article);
      goldStories.set(gold, storyIndex);
      placement = { decision: goldStory === undefined ? 'new-story' : 'joined-story', score: 1, threshold: model.cutoff, rewriteOf: null };
    } else if (rewrite !== undefined) {
      storyIndex = articles[rewrite.doc]!.story;
      placement = {
        decision: 'rewrite',
        score: rewrite.similarity,
        threshold: options.rewritePhrases,
        rewriteOf: rewrite.doc,
      };
      against = articles[rewrite.doc]!.vector;
    } else if (best !== undefined && joinProbability >= model.cutoff) {
      storyIndex = best.story;
      placement = { decision: 'joined-story', score: joinProbability, threshold: model.cutoff, rewriteOf: null };
      against = stories[storyIndex]!.centroid;
    } else {
      storyIndex = openStory(article);
      placement = { decision: 'new-story', score: joinProbability, threshold: model.cutoff, rewriteOf: null };
    }
    placement = { ...placement, ...explainPlacement(weighted, against, idf, vocabulary, lexicon.isName) };
    const chosen = scored.find((c) => c.story === storyIndex) ?? best;
    return attach(article, drawn, { weighted, time }, storyIndex, placement, chosen?.features);
  }

  /** Adds a placed article to its story, the index and the rewrite indexes. */
  function attach(
    article: Article,
    drawn: ReturnType<typeof vectorize>,
    { weighted, time }: { weighted: SparseVector; time: number },
    storyIndex: number,
    placement: Placement,
    features: readonly number[] | undefined,
  ): ArticleState {
    const { vector, print, hasWords } = drawn;
    const idf = vocabulary.weights();
    const doc = articles.length;
    const story = stories[storyIndex]!;
    story.articleIds.push(article.id);
    story.members.push(doc);
    story.centroid = addAndPrune(story.centroid, vector, idf, options.maxCentroidTerms);
    story.titles = addAndPrune(story.titles, drawn.titles, idf, SMALL_CENTROID_TERMS);
    story.leads = addAndPrune(story.leads, drawn.leads, idf, SMALL_CENTROID_TERMS);
    story.names = addAndPrune(story.names, drawn.names, idf, SMALL_CENTROID_TERMS);
    if (!Number.isNaN(time)) {
      story.first = Number.isNaN(story.first) ? time : Math.min(story.first, time);
      story.last = Number.isNaN(story.last) ? time : Math.max(story.last, time);
    }
    index.add(storyIndex, weighted, options.indexTerms);
    lsh.add(doc, print.signature);
    if (hasWords) exact.add(print.exact, doc);
    const state: ArticleState = { id: article.id, story: storyIndex, vector, fingerprint: print, placement, features };
    articles.push(state);
    byArticleId.set(article.id, doc);
    return state;
  }

  /** An earlier article this one copies (exact text) or rewrites (shingle or phrase overlap). */
  function findRewrite(
    print: Fingerprint,
    hasWords: boolean,
    scored: readonly Candidate[],
  ): { doc: number; similarity: number } | undefined {
    const copyOf = hasWords ? exact.find(print.exact) : undefined;
    if (copyOf !== undefined && !retiredDoc(copyOf)) return { doc: copyOf, similarity: 1 };
    const pool = new Set(lsh.candidates(print.signature).filter((doc) => !retiredDoc(doc)));
    for (const { story } of scored.slice(0, 3)) {
      for (const member of stories[story]!.members.slice(-options.rewriteMembers)) pool.add(member);
    }
    return bestRewrite(print, pool);
  }

  function retiredDoc(doc: number): boolean {
    return stories[articles[doc]!.story]!.retired;
  }

  /** Re-enters an article where it was placed before (a restart, a rebuild): no candidate search. */
  function restore(article: Article, assignment: Assignment): ArticleState {
    const drawn = vectorize(article);
    const known = byStoryId.get(assignment.storyId);
    const storyIndex = known ?? openStory(article, assignment.storyId);
    const rewriteDoc = assignment.rewriteOf === null ? undefined : byArticleId.get(assignment.rewriteOf);
    const decided: Placement =
      assignment.rewriteOf !== null
        ? { decision: 'rewrite', score: assignment.score, threshold: options.rewritePhrases, rewriteOf: rewriteDoc ?? null }
        : { decision: known === undefined ? 'new-story' : 'joined-story', score: assignment.score, threshold: model.cutoff, rewriteOf: null };
    const idf = vocabulary.weights();
    const weighted = withIdf(drawn.vector, idf);
    const time = article.published === null ? NaN : Date.parse(article.published);
    // What it shares with what it joined, as place() lists it.
    const against =
      rewriteDoc !== undefined ? articles[rewriteDoc]!.vector : known !== undefined ? stories[storyIndex]!.centroid : EMPTY_VECTOR;
    const placement = { ...decided, ...explainPlacement(weighted, against, idf, vocabulary, lexicon.isName) };
    return attach(article, drawn, { weighted, time }, storyIndex, placement, assignment.features);
  }

  function assignmentOf(state: ArticleState): Assignment {
    const { placement } = state;
    return {
      articleId: state.id,
      storyId: stories[state.story]!.id,
      rewriteOf: placement.rewriteOf === null ? (state.rewriteOfId ?? null) : articles[placement.rewriteOf]!.id,
      score: placement.decision === 'new-story' ? 0 : placement.score,
      ...(state.features === undefined ? {} : { features: state.features }),
    };
  }

  return {
    add(article) {
      const known = byArticleId.get(article.id);
      return assignmentOf(known === undefined ? place(article) : articles[known]!);
    },
    restore(article, assignment) {
      const known = byArticleId.get(article.id);
      if (known !== undefined) return assignmentOf(articles[known]!);
      const state = restore(article, assignment);
      if (assignment.rewriteOf !== null && state.placement.rewriteOf === null) {
        articles[articles.length - 1] = { ...state, rewriteOfId: assignment.rewriteOf };
      }
      return assignmentOf(articles[articles.length - 1]!);
    },
    retire(storyIds) {
      let articlesRetired = 0;
      for (const id of storyIds) {
        const index = byStoryId.get(id);
        if (index === undefined) continue;
        const story = stories[index]!;
        story.retired = true;
        byStoryId.delete(id);
        for (const articleId of story.articleIds) byArticleId.delete(articleId);
        // Give back the bulk of their memory now (retired.ts); the rest goes with the next rebuild.
        emptyStoryVectors(story);
        for (const doc of story.members) articles[doc] = retiredArticle(articles[doc]!);
        articlesRetired += story.articleIds.length;
      }
      retiredArticles += articlesRetired;
      return articlesRetired;
    },
    memory: () => ({ articles: articles.length - retiredArticles, retiredArticles }),
    assignment(articleId) {
      const doc = byArticleId.get(articleId);
      return doc === undefined ? undefined : assignmentOf(articles[doc]!);
    },
    story(storyId) {
      const story = byStoryId.get(storyId);
      return story === undefined ? undefined : toStory(stories[story]!);
    },
    stories: () => stories.filter((story) => !story.retired).map(toStory),
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
        features: state.features === undefined ? [] : contributions(model, state.features),
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
