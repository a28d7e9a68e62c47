// Learned placement: where an article goes is decided by a logistic model over a few similarities between
// the article and each candidate story (Miranda et al. 2018 combine TF-IDF similarities of body, title and
// entities with time, with weights learned from data, instead of hand-set ones). The weights are data
// (placement-model.json), refitted by `node bench/fit-placement-model.ts` on the development sets.
import { readFileSync } from 'node:fs';

/**
 * The features of (article, candidate story), in the order the model's weights follow. Each is cheap: the
 * engine computes them for every candidate the inverted index returns.
 */
export const PLACEMENT_FEATURES = [
  /** Cosine of the article's TF-IDF vector (terms some earlier article had) with the story centroid. */
  'cosine',
  /** Cosine of the title words with the story's title words (0 when either has no title). */
  'titleCosine',
  /** Cosine of the names (people, places, organisations) with the story's names. */
  'nameCosine',
  /** 1/sqrt(distinct terms): chance overlap is larger for short texts, so they need more evidence. */
  'shortness',
  'cosineByShortness',
  /** |sum of member vectors| / members: 1 for one member, lower for a story whose members drifted apart. */
  'cohesion',
  /** ln(members). */
  'logSize',
  /** ln(1 + days between the article and the story's time span), 0 when either is undated. */
  'logGapDays',
  /** 1 when the article or the story is undated: the gap then says nothing. */
  'undated',
  /** 1 when the article has no title (bodies only): titleCosine then says nothing. */
  'noTitle',
  /** The cosine minus the best cosine of the other candidates: how clearly this story stands out (0 alone). */
  'cosineMargin',
  /** 1 when this story is the only candidate: nothing to stand out from. */
  'onlyCandidate',
  /**
   * Share of the article's most specific terms (its heaviest few under TF-IDF, a term no earlier article
   * had included) that the story also has: reports of one event share their specifics (places, people,
   * numbers), reports of two events on one topic share only the topic's words.
   */
  'specificsShared',
  /** Cosine of the lead's words (the first sentences, which say what happened) with the story's leads. */
  'leadCosine',
] as const;

export type PlacementFeature = (typeof PLACEMENT_FEATURES)[number];
export const FEATURE_COUNT = PLACEMENT_FEATURES.length;

export interface PlacementModel {
  /** Weight per feature, in PLACEMENT_FEATURES order. */
  readonly weights: readonly number[];
  readonly bias: number;
  /** Join the best candidate when its probability is at least this; otherwise open a new story. */
  readonly cutoff: number;
  /** How the model was made (data, folds, date): shown by the fit script, kept for the record. */
  readonly fittedOn?: string;
}

/** The raw features, before the ones derived from them; see placementFeatures. */
export interface CandidateEvidence {
  readonly cosine: number;
  readonly titleCosine: number;
  readonly nameCosine: number;
  readonly leadCosine: number;
  readonly distinctTerms: number;
  readonly cohesion: number;
  readonly members: number;
  /** Days between the article and the story's span, NaN when either is undated. */
  readonly gapDays: number;
  readonly hasTitle: boolean;
  readonly specificsShared: number;
  /** Best cosine among the other candidates, NaN when there is none. */
  readonly otherBest: number;
}

/**
 * The feature vector of one candidate, in PLACEMENT_FEATURES order. A plain array: a Float64Array of this
 * size would be allocated outside V8's heap, which costs more than the features (several per article).
 */
export function placementFeatures(e: CandidateEvidence): number[] {
  const shortness = 1 / Math.sqrt(Math.max(1, e.distinctTerms));
  const dated = !Number.isNaN(e.gapDays);
  const alone = Number.isNaN(e.otherBest);
  return [
    e.cosine,
    e.titleCosine,
    e.nameCosine,
    shortness,
    e.cosine * shortness,
    e.cohesion,
    Math.log(Math.max(1, e.members)),
    dated ? Math.log1p(e.gapDays) : 0,
    dated ? 0 : 1,
    e.hasTitle ? 0 : 1,
    alone ? 0 : e.cosine - e.otherBest,
    alone ? 1 : 0,
    e.specificsShared,
    e.leadCosine,
  ];
}

export function joinLogit(model: PlacementModel, features: ArrayLike<number>): number {
  let z = model.bias;
  for (let k = 0; k < FEATURE_COUNT; k += 1) z += model.weights[k]! * features[k]!;
  return z;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Each feature's share of the logit (weight x value), for explanations. */
export function contributions(
  model: PlacementModel,
  features: ArrayLike<number>,
): { feature: PlacementFeature; value: number; contribution: number }[] {
  return PLACEMENT_FEATURES.map((feature, k) => ({
    feature,
    value: features[k]!,
    contribution: model.weights[k]! * features[k]!,
  }));
}

/** A model read from JSON, checked: one finite weight per feature, named in the same order. */
export function parsePlacementModel(json: unknown): PlacementModel {
  const data = json as { features?: unknown; weights?: unknown; bias?: unknown; cutoff?: unknown; fittedOn?: unknown };
  const names = data.features;
  if (!Array.isArray(names) || names.join() !== PLACEMENT_FEATURES.join()) {
    throw new Error(`placement model: features must be exactly ${PLACEMENT_FEATURES.join(', ')}`);
  }
  const weights = data.weights;
  if (!Array.isArray(weights) || weights.length !== FEATURE_COUNT || !weights.every(Number.isFinite)) {
    throw new Error(`placement model: weights must be ${FEATURE_COUNT} finite numbers`);
  }
  if (typeof data.bias !== 'number' || !Number.isFinite(data.bias)) throw new Error('placement model: bias must be a number');
  if (typeof data.cutoff !== 'number' || !(data.cutoff > 0 && data.cutoff < 1)) {
    throw new Error('placement model: cutoff must be a probability between 0 and 1');
  }
  return {
    weights: weights as number[],
    bias: data.bias,
    cutoff: data.cutoff,
    ...(typeof data.fittedOn === 'string' ? { fittedOn: data.fittedOn } : {}),
  };
}

/** The model as the JSON file stores it (feature names beside the weights, so the file reads on its own). */
export function placementModelJson(model: PlacementModel): string {
  return `${JSON.stringify({ features: PLACEMENT_FEATURES, ...model }, null, 2)}\n`;
}

export const PLACEMENT_MODEL_FILE = new URL('./placement-model.json', import.meta.url);

/** The shipped model (read once, at first use). */
let shipped: PlacementModel | undefined;
export function defaultPlacementModel(): PlacementModel {
  shipped ??= parsePlacementModel(JSON.parse(readFileSync(PLACEMENT_MODEL_FILE, 'utf8')));
  return shipped;
}
