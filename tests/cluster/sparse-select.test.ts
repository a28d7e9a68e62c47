import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idfDot, idfDotter, kthSmallest, sortIds, topPositions } from '../../src/cluster/sparse.ts';

describe('selection and id sort', () => {
  it('kthSmallest agrees with a full sort, ties and zeros included', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, -0, 1, 1.5, 2, 3, 0.25, 7, 7, 100), { minLength: 1, maxLength: 60 }), fc.nat(), (xs, k) => {
        const index = k % xs.length;
        expect(kthSmallest(Float64Array.from(xs), index) === Float64Array.from(xs).sort()[index]).toBe(true);
      }),
    );
  });

  it('topPositions keeps the largest values, ties to the earlier position', () => {
    expect([...topPositions(Float64Array.from([1, 5, 3, 5, 2, 5]), 2)]).toEqual([1, 3]);
    expect([...topPositions(Float64Array.from([0, 0, 0]), 2)]).toEqual([0, 1]);
    expect([...topPositions(Float64Array.from([4, NaN, 1]), 1)]).toEqual([0]);
  });

  it('sortIds sorts non-negative integers of any size', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0x7fffffff }), { maxLength: 300 }), (xs) => {
        expect([...sortIds(Int32Array.from(xs))]).toEqual([...Int32Array.from(xs).sort()]);
      }),
    );
  });
});

describe('idfDotter', () => {
  it('gives exactly idfDot against every other vector, and survives another dotter in between', () => {
    const vector = fc
      .uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 20 })
      .map((ids) => ids.sort((x, y) => x - y))
      .chain((ids) =>
        fc.array(fc.float({ min: 0, max: 5, noNaN: true }), { minLength: ids.length, maxLength: ids.length }).map((ws) => ({
          ids: Int32Array.from(ids),
          weights: Float32Array.from(ws),
          norm: 0,
        })),
      );
    fc.assert(
      fc.property(vector, vector, vector, fc.array(fc.float({ min: -1, max: 4, noNaN: true }), { minLength: 30, maxLength: 30 }), (a, b, c, logDf) => {
        const idf = { logN: 3, logDf: Float32Array.from(logDf), seen: Uint8Array.from(logDf, (x) => (x > Math.log(1.5) ? 1 : 0)) };
        const withA = idfDotter(a, idf);
        const withC = idfDotter(c, idf);
        expect(withA(b)).toEqual(idfDot(a, b, idf));
        expect(withC(b)).toEqual(idfDot(c, b, idf));
        expect(withA(c)).toEqual(idfDot(a, c, idf));
      }),
      { numRuns: 500 },
    );
  });
});
