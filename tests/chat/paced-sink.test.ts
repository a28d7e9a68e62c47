import { describe, expect, it } from 'vitest';
import { pacedSink } from '../../src/chat/paced-sink.ts';
import type { ChatSink } from '../../src/chat/sink.ts';
import type { DigestStory } from '../../src/domain/digest.ts';

const story = { id: 's' } as DigestStory;

describe('pacedSink', () => {
  it('spaces messages to one channel and leaves other channels alone', async () => {
    const sent: { target: string; at: number }[] = [];
    const sink: ChatSink = {
      platform: 'fake',
      deliver: async () => [],
      postStory: async (target) => {
        sent.push({ target, at: Date.now() });
        return 'm';
      },
    };
    // Real timers with a short interval: the pacing is about wall-clock spacing.
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
});
