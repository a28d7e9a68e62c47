// Term ids and online document frequencies. IDF is computed from the articles seen so far, as in a stream
// (Miranda et al. 2018 keep running DF counts too); there is no background corpus to borrow from.

export interface Vocabulary {
  /** Dense id for a term, created on first sight. */
  id(term: string): number;
  term(id: number): string;
  /** Up to three spellings seen for a term (names: "Kiev/Kyiv"), for explanations. */
  surface(id: number): string;
  noteSurface(id: number, spelling: string): void;
  /** Count one more document containing each of these ids (ids must be distinct). */
  addDocument(ids: ArrayLike<number>): void;
  idf(id: number): number;
  readonly documents: number;
  /** IDF of every id as of now, as log(N + prior) - log(df' + 0.5): pass to the weighted cosine. */
  weights(): IdfWeights;
  /**
   * The same without topic pseudo-counts, log(N + prior) - log(df + 0.5): for choosing which terms an article
   * or a centroid keeps, so the first articles of a stream keep their topic words for when the stream has
   * moved on and those words tell its stories apart again.
   */
  plainWeights(): IdfWeights;
}

export interface IdfWeights {
  readonly logN: number;
  /** log(df' + 0.5) by term id; ids past its end have df 0. */
  readonly logDf: Float32Array;
}

/** How the prior pseudo-documents are filled; see createVocabulary. */
export interface IdfPrior {
  /** Pseudo-documents added to N. */
  readonly documents: number;
  /** Pseudo-documents that hold a term found in every document so far. */
  readonly topicDocuments: number;
  /** Exponent on a term's document share in the topic pseudo-count: only near-ubiquitous terms get one. */
  readonly topicPower: number;
  /** Documents needed before any term counts as a topic word (with two, topic and event look alike). */
  readonly topicFrom: number;
}

/** Below this pseudo-count a term's logDf is left at log(df + 0.5) (a change of under 0.1%). */
const NEGLIGIBLE = 1e-3;

/**
 * `prior.documents` pseudo-documents that contain no term: early in a stream, when N is tiny, plain IDF would
 * make every shared term worthless (a term in 2 of 2 documents gets log 1 = 0) just when the first pairs are
 * compared. But empty pseudo-documents also make a term that every article so far contains look as rare as
 * one event's names: in a stream that opens on one topic (reports on NATO and Ukraine from different days)
 * the topic words then outweigh the few words that tell the events apart. So, once there are
 * `prior.topicFrom` documents, a term in d of them also counts in `topicDocuments * (d / N)^topicPower` of
 * the pseudo-documents: nearly all of them for a term in every document so far (a topic word), next to none
 * for a term in some. A content term has no share near 1 once the stream holds more than one topic, so
 * this only changes the first articles of a stream.
 */
export function createVocabulary(prior: IdfPrior): Vocabulary {
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const spellings: (string[] | undefined)[] = [];
  let df = new Int32Array(4096);
  let logDf = new Float32Array(4096).fill(Math.log(0.5));
  let plainLogDf = new Float32Array(4096).fill(Math.log(0.5));
  let documents = 0;
  // Terms whose share is high enough for a topic pseudo-count worth keeping: their logDf moves with N.
  const topical = new Set<number>();
  const minShare = prior.topicDocuments > 0 ? (NEGLIGIBLE / prior.topicDocuments) ** (1 / prior.topicPower) : 2;
  const logDfOf = (d: number): number => {
    // A term in one document is no topic word (and must keep log 1.5: sparse.ts reads it as "seen once").
    const share = documents >= prior.topicFrom && d >= 2 ? d / documents : 0;
    return Math.log(d + 0.5 + (share >= minShare ? prior.topicDocuments * share ** prior.topicPower : 0));
  };
  return {
    id(term) {
      let id = ids.get(term);
      if (id === undefined) {
        id = terms.length;
        ids.set(term, id);
        terms.push(term);
        if (id >= df.length) {
          const grown = new Int32Array(df.length * 2);
          grown.set(df);
          df = grown;
          const grownLog = new Float32Array(df.length).fill(Math.log(0.5));
          grownLog.set(logDf);
          logDf = grownLog;
          const grownPlain = new Float32Array(df.length).fill(Math.log(0.5));
          grownPlain.set(plainLogDf);
          plainLogDf = grownPlain;
        }
      }
      return id;
    },
    term: (id) => terms[id] ?? '',
    surface: (id) => spellings[id]?.join('/') ?? terms[id] ?? '',
    noteSurface(id, spelling) {
      const list = spellings[id];
      if (list === undefined) spellings[id] = [spelling];
      else if (list.length < 3 && !list.includes(spelling)) list.push(spelling);
    },
    addDocument(docIds) {
      documents += 1;
      for (let k = 0; k < docIds.length; k += 1) {
        const id = docIds[k]!;
        df[id] = (df[id] ?? 0) + 1;
        plainLogDf[id] = Math.log(df[id]! + 0.5);
        if (df[id]! >= minShare * documents) topical.add(id);
        else logDf[id] = plainLogDf[id]!;
      }
      // N grew, so every topical share moved: recompute them, and drop the ones no longer topical.
      for (const id of topical) {
        logDf[id] = logDfOf(df[id]!);
        if (df[id]! < minShare * documents) topical.delete(id);
      }
    },
    idf: (id) => Math.max(0, Math.log(documents + prior.documents) - (logDf[id] ?? Math.log(0.5))),
    weights: () => ({ logN: Math.log(documents + prior.documents), logDf }),
    plainWeights: () => ({ logN: Math.log(documents + prior.documents), logDf: plainLogDf }),
    get documents() {
      return documents;
    },
  };
}
