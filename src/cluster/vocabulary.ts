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
  /** IDF of every id as of now, as log(N + prior) - log(df + 0.5): pass to the weighted cosine. */
  weights(): IdfWeights;
}

export interface IdfWeights {
  readonly logN: number;
  /** log(df + 0.5) by term id; ids past its end have df 0. */
  readonly logDf: Float32Array;
}

/**
 * `prior` pseudo-documents that contain no term: early in a stream, when N is tiny, plain IDF would make every
 * shared term worthless (a term in 2 of 2 documents gets log 1 = 0) just when the first pairs are compared.
 */
export function createVocabulary(prior: number): Vocabulary {
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const spellings: (string[] | undefined)[] = [];
  let df = new Int32Array(4096);
  let logDf = new Float32Array(4096).fill(Math.log(0.5));
  let documents = 0;
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
        logDf[id] = Math.log(df[id]! + 0.5);
      }
    },
    idf: (id) => Math.max(0, Math.log(documents + prior) - Math.log((df[id] ?? 0) + 0.5)),
    weights: () => ({ logN: Math.log(documents + prior), logDf }),
    get documents() {
      return documents;
    },
  };
}
