import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISCORD_GLOBAL_LIMIT, pacedSink, SLACK_PACE } from '../../src/chat/paced-sink.ts';
import type { ChatSink, PostHooks } from '../../src/chat/sink.ts';
import type { DigestStory } from '../../src/domain/digest.ts';

const story = { id: 's' } as DigestStory;

/** A clock that only moves when every pending promise has settled: send times are exact, not sampled. */
function virtualClock() {
  let time = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => time,
    sleep: (ms: number) => new Promise<void>((resolve) => timers.push({ at: time + ms, resolve })),
    /** Runs `work` to the end, advancing time to each next timer whenever nothing else can happen. */
    async run<T>(work: Promise<T>): Promise<T> {
      let done = false;
      void work.finally(() => (done = true)).catch(() => undefined);
      for (;;) {
        await settle();
        if (done) return work;
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift();
        if (next === undefined) throw new Error('stuck: nothing pending and work not done');
        time = Math.max(time, next.at);
        next.resolve();
      }
    },
  };
}

/**
 * A sink whose posts reach the platform `outbound(i)` ms after being handed over (the onSent moment) and
 * are answered `answer(i)` ms after that; it records when each post was handed over and when it left.
 */
function slowSink(clock: ReturnType<typeof virtualClock>, outbound: (i: number) => number, answer: (i: number) => number, reportsSent = true) {
  const posts: { target: string; handedAt: number; sentAt: number }[] = [];
  const sink: ChatSink = {
    platform: 'fake',
    deliver: async () => [],
    async postStory(target, _story, hooks?: PostHooks) {
      const i = posts.length;
      const post = { target, handedAt: clock.now(), sentAt: Number.NaN };
      posts.push(post);
      await clock.sleep(outbound(i));
      post.sentAt = clock.now();
      if (reportsSent) hooks?.onSent?.();
      await clock.sleep(answer(i));
      return `m${i}`;
    },
  };
  return { sink, posts };
}

describe('pacedSink', () => {
  it('spaces messages to one channel and leaves other channels alone (real timers)', async () => {
    const sent: { target: string; at: number }[] = [];
    const sink: ChatSink = {
      platform: 'fake',
      deliver: async () => [],
      postStory: async (target) => {
        sent.push({ target, at: Date.now() });
        return 'm';
      },
    };
    const paced = pacedSink(sink, { intervalMs: 100 });
    const start = Date.now();
    await Promise.all([paced.postStory?.('A', story), paced.postStory?.('A', story), paced.postStory?.('B', story)]);
    await paced.postStory?.('A', story);
    const times = (target: string) => sent.filter((s) => s.target === target).map((s) => s.at);
    const a = times('A');
    expect(a).toHaveLength(3);
    for (let i = 1; i < a.length; i += 1) expect(a[i]! - a[i - 1]!).toBeGreaterThanOrEqual(95);
    expect(times('B')[0]! - start).toBeLessThan(50);
  });

  it('counts the interval from when the previous message left while answers come within answerWithinMs', async () => {
    const clock = virtualClock();
    // Every answer takes 40 ms: pacing from the answer would put the posts at 0, 1090, 2180.
    const { sink, posts } = slowSink(clock, () => 0, () => 40);
    const paced = pacedSink(sink, { intervalMs: 1000, marginMs: 50, answerWithinMs: 50, now: clock.now, sleep: clock.sleep });
    await clock.run(Promise.all([paced.postStory!('A', story), paced.postStory!('A', story), paced.postStory!('A', story), paced.postStory!('B', story)]));
    expect(posts.filter((p) => p.target === 'A').map((p) => p.sentAt)).toEqual([0, 1050, 2100]);
    expect(posts.filter((p) => p.target === 'B').map((p) => p.sentAt)).toEqual([0]);
  });

  it('a late answer (the post waited in a queue, so it was counted late) moves the mark to the answer less answerWithinMs', async () => {
    const clock = virtualClock();
    // The first post is answered 400 ms after it left: the platform may have counted it up to then.
    const { sink, posts } = slowSink(clock, () => 0, (i) => (i === 0 ? 400 : 10));
    const paced = pacedSink(sink, { intervalMs: 1000, marginMs: 20, answerWithinMs: 50, now: clock.now, sleep: clock.sleep });
    await clock.run(Promise.all([paced.postStory!('A', story), paced.postStory!('A', story), paced.postStory!('A', story)]));
    // 400 - 50 + 1020, then from when the second left (its answer came in 10 ms).
    expect(posts.map((p) => p.sentAt)).toEqual([0, 1370, 2390]);
  });

  it('counts from the moment the sink says the message left, when that is later than the hand-over', async () => {
    const clock = virtualClock();
    // The first post waits 400 ms for a connection before it leaves; later ones leave at once.
    const { sink, posts } = slowSink(clock, (i) => (i === 0 ? 400 : 0), () => 10);
    const paced = pacedSink(sink, { intervalMs: 1000, marginMs: 50, now: clock.now, sleep: clock.sleep });
    await clock.run(Promise.all([paced.postStory!('A', story), paced.postStory!('A', story)]));
    expect(posts.map((p) => p.sentAt)).toEqual([400, 1450]);

    // A sink that cannot tell is paced from the hand-over.
    const quiet = slowSink(clock, () => 0, () => 10, false);
    const start = clock.now();
    const pacedQuiet = pacedSink(quiet.sink, { intervalMs: 1000, marginMs: 50, now: clock.now, sleep: clock.sleep });
    await clock.run(Promise.all([pacedQuiet.postStory!('A', story), pacedQuiet.postStory!('A', story)]));
    expect(quiet.posts.map((p) => p.handedAt - start)).toEqual([0, 1050]);
  });

  it("whenReady runs its beforeTurn work a lead before the channel's turn (at once when the turn is nearer or has come), then waits out the turn", async () => {
    const clock = virtualClock();
    const { sink } = slowSink(clock, () => 0, () => 10);
    const paced = pacedSink(sink, { intervalMs: 1000, prepareLeadMs: 250, now: clock.now, sleep: clock.sleep });
    const events: string[] = [];
    const work = (name: string) => async () => void events.push(`${name} ${clock.now()}`);
    await clock.run(
      (async () => {
        await paced.whenReady!('A', work('first'));
        events.push(`turn ${clock.now()}`);
        await paced.postStory!('A', story);
        await paced.whenReady!('A', work('second'));
        events.push(`turn ${clock.now()}`);
        // Failing work does not stop the wait: the caller meets the failure again when it needs the result.
        await paced.whenReady!('B', async () => Promise.reject(new Error('no summary')));
        events.push(`turn B ${clock.now()}`);
      })(),
    );
    expect(events).toEqual(['first 0', 'turn 0', 'second 750', 'turn 1000', 'turn B 1000']);
  });

  it('whenReady resolves when the next post to a channel could leave, and at once for a channel not posted to', async () => {
    const clock = virtualClock();
    const { sink, posts } = slowSink(clock, () => 0, () => 10);
    const paced = pacedSink(sink, { intervalMs: 1000, marginMs: 20, answerWithinMs: 50, now: clock.now, sleep: clock.sleep });
    const ready: number[] = [];
    await clock.run(
      (async () => {
        await paced.whenReady!('B');
        ready.push(clock.now());
        const first = paced.postStory!('A', story);
        await paced.whenReady!('A');
        ready.push(clock.now());
        await first;
        await paced.postStory!('A', story);
      })(),
    );
    expect(ready).toEqual([0, 1020]);
    // The post after the turn leaves at once.
    expect(posts.map((p) => p.sentAt)).toEqual([0, 1020]);
  });

  it('a failed post still counts: a retry by the caller waits out the spacing from the failed attempt', async () => {
    const clock = virtualClock();
    let calls = 0;
    const sent: number[] = [];
    const sink: ChatSink = {
      platform: 'fake',
      deliver: async () => [],
      async postStory(_target, _story, hooks?: PostHooks) {
        sent.push(clock.now());
        hooks?.onSent?.();
        calls += 1;
        if (calls === 1) throw Object.assign(new Error('rate limited'), { retryAfterSeconds: 0.5 });
        return 'm';
      },
    };
    const paced = pacedSink(sink, { intervalMs: 1000, marginMs: 50, now: clock.now, sleep: clock.sleep });
    const retrying = (async () => {
      await paced.postStory!('A', story).catch(async () => clock.sleep(500));
      return paced.postStory!('A', story);
    })();
    await clock.run(retrying);
    expect(sent).toEqual([0, 1050]);
  });

  it('whatever the delays, a post leaves an interval + margin after the previous one was counted at the latest, and no later than needed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 2500 })), { minLength: 1, maxLength: 6 }),
        async (delays) => {
          const clock = virtualClock();
          const { sink, posts } = slowSink(clock, (i) => delays[i]![0], (i) => delays[i]![1]);
          const paced = pacedSink(sink, { ...SLACK_PACE, now: clock.now, sleep: clock.sleep });
          await clock.run(Promise.all(delays.map(() => paced.postStory!('A', story))));
          const spacing = SLACK_PACE.intervalMs + SLACK_PACE.marginMs;
          for (let i = 1; i < posts.length; i += 1) {
            const previous = posts[i - 1]!;
            const answeredAt = previous.sentAt + delays[i - 1]![1];
            expect(posts[i]!.sentAt - previous.sentAt).toBeGreaterThanOrEqual(spacing);
            // The platform counted the previous post at its answer at the latest: Slack's pace leaves the
            // interval and margin after that, assuming no earliness is forgiven.
            expect(posts[i]!.sentAt - answeredAt).toBeGreaterThanOrEqual(spacing);
            // Handed over as soon as the spacing (from when it left, or from a late answer) and the answer allow.
            const mark = Math.max(previous.sentAt, answeredAt - SLACK_PACE.answerWithinMs);
            expect(posts[i]!.handedAt).toBe(Math.max(mark + spacing, answeredAt));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a bot-wide limit spreads sends evenly instead of in bursts, and never puts more than the count in a window', async () => {
    const clock = virtualClock();
    const { sink, posts } = slowSink(clock, () => 0, () => 5);
    const paced = pacedSink(sink, { global: DISCORD_GLOBAL_LIMIT, now: clock.now, sleep: clock.sleep });
    // 130 channels at once, one post each: only the global limit holds them.
    await clock.run(Promise.all(Array.from({ length: 130 }, (_, i) => paced.postStory!(`C${i}`, story))));
    const times = posts.map((p) => p.sentAt).sort((a, b) => a - b);
    const gap = DISCORD_GLOBAL_LIMIT.windowMs / DISCORD_GLOBAL_LIMIT.count;
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(gap - 1e-9);
    for (let i = DISCORD_GLOBAL_LIMIT.count; i < times.length; i += 1) {
      expect(times[i]! - times[i - DISCORD_GLOBAL_LIMIT.count]!).toBeGreaterThanOrEqual(DISCORD_GLOBAL_LIMIT.windowMs);
    }
    // No slower than the even spacing: 130 sends take 129 gaps.
    expect(times.at(-1)).toBeLessThanOrEqual(129 * gap + 1);
  });
});
