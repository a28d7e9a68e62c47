// A dated stream of distinct events for the long-running tests: two events a day, three outlets each.
import type { Article } from '../../src/domain/article.ts';

const DAY = 86_400_000;

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'su', 'ta', 'ri', 'vo', 'de', 'bu', 'zen', 'pha', 'gor', 'til', 'wu', 'yam'];

/** Invented words for one event, from a small seeded generator: events share no content words. */
function eventWords(event: number, count: number): string[] {
  let state = (event + 1) * 2_654_435_761;
  const next = () => {
    state = (Math.imul(state ^ (state >>> 15), 2_246_822_507) + 0x9e3779b9) >>> 0;
    return state;
  };
  return Array.from({ length: count }, () => Array.from({ length: 4 }, () => SYLLABLES[next() % SYLLABLES.length]).join(''));
}

/** Two distinct events a day, each reported by three outlets, over `days` days ending 2025-03-14. */
export function dailyEvents(days: number, end = '2025-03-14T12:00:00Z'): Article[] {
  const out: Article[] = [];
  for (let day = 0; day < days; day += 1) {
    for (let event = 0; event < 2; event += 1) {
      const w = eventWords(day * 2 + event, 12);
      for (let outlet = 0; outlet < 3; outlet += 1) {
        const published = new Date(Date.parse(end) - (days - 1 - day) * DAY + outlet * 60_000).toISOString();
        // Each outlet tells the event in its own order of the event's words.
        const turn = (k: number) => w[(k + outlet * 5) % w.length]!;
        out.push({
          id: `d${day}-e${event}-o${outlet}`,
          title: `${w[0]} ${w[1]} ${w[2]}`,
          text: [0, 1, 2, 3].map((k) => `${turn(k)} ${turn(k + 3)} ${turn(k + 7)} ${turn(k + 1)} ${turn(k + 9)}.`).join(' '),
          source: `Outlet ${outlet}`,
          url: null,
          path: null,
          published,
        });
      }
    }
  }
  return out;
}
