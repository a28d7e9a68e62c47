// How central each article is to its story, for the "central" concept feature (concept-values.ts).
import type { Candidate } from './candidates.ts';

/**
 * How central each article is to the story, scaled so the most central one is 1: the summed cosine of its
 * content-word counts to every other article's. The report closest to all the others tells the story the way
 * they agree on (for a left, a centre and a right outlet, usually the centre one), so its wording is the
 * likeliest wording of a neutral summary. A story of one article: that article, 1.
 */
export function articleCentrality(
  candidates: readonly Candidate[],
  stemsOf: readonly Int32Array[],
  infosOf: readonly (readonly { readonly stop: boolean }[])[],
  articleCount: number,
  stemCount: number,
): Float64Array {
  const out = new Float64Array(articleCount).fill(1);
  if (articleCount < 2) return out;
  // Content-stem counts per article as parallel typed arrays (candidates come in article order).
  const dense = new Float64Array(stemCount);
  const ids: Int32Array[] = [];
  const vals: Float64Array[] = [];
  const norms: number[] = [];
  let i = 0;
  for (let a = 0; a < articleCount; a += 1) {
    const touched: number[] = [];
    for (; i < candidates.length && candidates[i]!.articleIndex === a; i += 1) {
      const infos = infosOf[i]!;
      stemsOf[i]!.forEach((id, k) => {
        if (infos[k]!.stop) return;
        if (dense[id] === 0) touched.push(id);
        dense[id] = dense[id]! + 1;
      });
    }
    const v = Float64Array.from(touched, (id) => dense[id]!);
    for (const id of touched) dense[id] = 0;
    ids.push(Int32Array.from(touched));
    vals.push(v);
    norms.push(Math.sqrt(v.reduce((n, x) => n + x * x, 0)) || 1);
  }
  // Summed cosine to the others in linear time: with S the sum of every article's unit vector,
  // sum over b != a of cos(a, b) = (a . S) / |a| - 1.
  for (let a = 0; a < articleCount; a += 1) {
    for (let k = 0; k < ids[a]!.length; k += 1) dense[ids[a]![k]!] = dense[ids[a]![k]!]! + vals[a]![k]! / norms[a]!;
  }
  let best = 0;
  for (let a = 0; a < articleCount; a += 1) {
    let dot = 0;
    for (let k = 0; k < ids[a]!.length; k += 1) dot += vals[a]![k]! * dense[ids[a]![k]!]!;
    out[a] = dot / norms[a]! - 1;
    best = Math.max(best, out[a]!);
  }
  for (let a = 0; a < articleCount; a += 1) out[a] = best > 0 ? out[a]! / best : 1;
  return out;
}
