import { describe, expect, it } from 'vitest';
import { createPresenter, presentAhead } from '../../src/app/presenter.ts';
import type { StoryMaterial } from '../../src/digest/story-material.ts';
import type { Article } from '../../src/domain/article.ts';
import type { DigestStory } from '../../src/domain/digest.ts';

const article = (id: string): Article => ({
  id, title: `Title ${id}`, text: `${id}.`, source: `Outlet ${id}`, url: `https://example.com/${id}`, path: null, published: null,
});

const material = (storyId: string, ids: string[]): StoryMaterial => ({
  story: { id: storyId, articleIds: ids },
  articles: ids.map((id) => ({ article: article(id), rewriteOf: null, ingestedAt: '2025-03-14T10:00:00Z' })),
});

function countingPresenter() {
  const built: string[] = [];
  const present = createPresenter(async (m) => {
    built.push(`${m.story.id}/${m.story.articleIds.length}`);
    return { id: m.story.id } as unknown as DigestStory;
  });
  return { present, built };
}

describe('presenter', () => {
  it('summarizes each story version once, however many channels ask', async () => {
    const { present, built } = countingPresenter();
    const one = material('s1', ['a']);
    await Promise.all([present(one), present({ ...one }), present(one)]);
    await present(material('s1', ['a', 'b']));
    expect(built).toEqual(['s1/1', 's1/2']);
  });

  it('summarizes ahead the best stories of an intake, in digest order, and the digest then finds them made', async () => {
    const { present, built } = countingPresenter();
    const changed = [material('small', ['a']), material('big', ['b', 'c', 'd']), material('mid', ['e', 'f'])];
    await presentAhead(present, changed, 2, new Date());
    // Ranked as a digest ranks them (more outlets first); past the largest digest size, nothing is made.
    expect(built).toEqual(['big/3', 'mid/2']);
    await present(changed[1]!);
    await present(changed[2]!);
    expect(built).toHaveLength(2);
    await present(changed[0]!);
    expect(built).toEqual(['big/3', 'mid/2', 'small/1']);
  });

  it('stops at a failed summary and does not keep it, so the digest tries again', async () => {
    let fail = true;
    const present = createPresenter(async (m) => {
      if (fail) throw new Error('summarizer down');
      return { id: m.story.id } as unknown as DigestStory;
    });
    const story = material('s1', ['a']);
    await expect(presentAhead(present, [story], 5, new Date())).rejects.toThrow('summarizer down');
    fail = false;
    await expect(present(story)).resolves.toEqual({ id: 's1' });
  });
});
