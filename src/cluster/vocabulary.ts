// Term ids and online document frequencies. IDF is computed from the articles seen so far, as in a stream
// (Miranda et al. 2018 keep running DF counts too), plus background pseudo-documents whose terms follow a
// general news corpus (background.ts), so the first articles of a stream are weighed like later ones.

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
  /** Documents of the stream that contained the term (background pseudo-counts not included). */
  documentFrequency(id: number): number;
  /** Terms with an id so far. */
  readonly size: number;
  readonly documents: number;
  /** IDF of every id as of now, as log(N') - log(df' + 0.5): pass to the weighted cosine. */
  weights(): IdfWeights;
}

export interface IdfWeights {
  readonly logN: number;
  /** log(df' + 0.5) by term id; ids past its end have df' 0. */
  readonly logDf: Float32Array;
  /**
   * 1 for a term that some document of the stream besides the one being placed had (df >= 2): only those
   * can match a story. Background pseudo-counts do not make a term seen.
   */
  readonly seen: Uint8Array;
}

/** Document frequencies of a general corpus: `share(term)` is df / documents (0 for a term it lacks). */
export interface Background {
  share(term: string): number;
}

/** The pseudo-documents added to the stream's counts; see createVocabulary. */
export interface IdfPrior {
  /** Pseudo-documents that hold no term. */
  readonly documents: number;
  /** Pseudo-documents whose terms follow `background` (0 or no background: none). */
  readonly backgroundDocuments?: number;
  readonly background?: Background | undefined;
}

const LOG_HALF = Math.log(0.5);

/**
 * IDF over the stream and `prior` pseudo-documents: N' = N + documents + backgroundDocuments, and
 * df' = df + backgroundDocuments * share(term). Early in a stream, when N is tiny, plain IDF would make every
 * shared term worthless (a term in 2 of 2 documents gets log 1 = 0) just when the first pairs are compared,
 * and would weigh "said" like a rare name. With a background the first articles weigh words as a general
 * news corpus does; as the stream grows, its own counts take over.
 */
export function createVocabulary(prior: IdfPrior): Vocabulary {
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const spellings: (string[] | undefined)[] = [];
  let df = new Int32Array(4096);
  let logDf = new Float32Array(4096).fill(LOG_HALF);
  let seen = new Uint8Array(4096);
  // Background pseudo-count by term id, fixed when the term is first met.
  let pseudo = new Float32Array(4096);
  let documents = 0;
  const backgroundDocuments = prior.background === undefined ? 0 : (prior.backgroundDocuments ?? 0);
  const logN = (): number => Math.log(documents + prior.documents + backgroundDocuments);
  const grow = <T extends Float32Array | Int32Array | Uint8Array>(array: T, make: (n: number) => T): T => {
    const grown = make(array.length * 2);
    grown.set(array);
    return grown;
  };
  return {
    id(term) {
      let id = ids.get(term);
      if (id === undefined) {
        id = terms.length;
        ids.set(term, id);
        terms.push(term);
        if (id >= df.length) {
          df = grow(df, (n) => new Int32Array(n));
          logDf = grow(logDf, (n) => new Float32Array(n).fill(LOG_HALF));
          seen = grow(seen, (n) => new Uint8Array(n));
          pseudo = grow(pseudo, (n) => new Float32Array(n));
        }
        if (backgroundDocuments > 0) {
          pseudo[id] = backgroundDocuments * prior.background!.share(term);
          logDf[id] = Math.log(0.5 + pseudo[id]!);
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
        if (df[id]! >= 2) seen[id] = 1;
        logDf[id] = Math.log(df[id]! + 0.5 + pseudo[id]!);
      }
    },
    idf: (id) => Math.max(0, logN() - (logDf[id] ?? LOG_HALF)),
    documentFrequency: (id) => df[id] ?? 0,
    weights: () => ({ logN: logN(), logDf, seen }),
    get size() {
      return terms.length;
    },
    get documents() {
      return documents;
    },
  };
}
