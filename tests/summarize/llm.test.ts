// The LLM summarizer against a stand-in OpenAI-compatible server on 127.0.0.1: a good answer is used with
// its ids mapped to article citations; every bad case (unknown id, invented sentence or number, wrong
// citation, boilerplate line, over budget, HTTP 500, too slow, not JSON) yields exactly the extractive summary and a logged reason that never contains the API key.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/ops/logger.ts';
import { EXTRACTIVE_DEFAULTS } from '../../src/summarize/defaults.ts';
import { createExtractiveSummarizer } from '../../src/summarize/extractive.ts';
import { createLlmSummarizer } from '../../src/summarize/llm.ts';
import type { StoryInput } from '../../src/summarize/types.ts';
import { listenLocal, type LocalHttp } from '../local-http.ts';
import { seedArticles } from './seed-articles.ts';

const API_KEY = 'sk-test-secret-4242';
const budget = EXTRACTIVE_DEFAULTS.budget;
const seeds = seedArticles();
const story: StoryInput = {
  id: 'story-1',
  articles: seeds.filter((a) => a.id === '002' || a.id === '003'),
  rewriteOf: new Map(),
};

interface Received {
  readonly headers: IncomingMessage['headers'];
  readonly body: { model: string; messages: { role: string; content: string }[]; response_format?: unknown };
}

type Behaviour = (req: Received, res: ServerResponse) => void;

let server: LocalHttp;
let baseUrl = '';
let behaviour: Behaviour = () => {};
let received: Received[] = [];
let logged: string[] = [];
const pending = new Set<ReturnType<typeof setTimeout>>();

const logger: Logger = {
  info: (m) => logged.push(m),
  warn: (m) => logged.push(m),
  error: (m) => logged.push(m),
};

function reply(res: ServerResponse, content: string, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content } }] }));
}

/** "S3 [article 2]: text" lines of the prompt, as id -> { article number, text }. */
function promptLines(req: Received): Map<string, { article: number; text: string }> {
  const user = req.body.messages.find((m) => m.role === 'user')!.content;
  const out = new Map<string, { article: number; text: string }>();
  for (const line of user.split('\n')) {
    const m = /^(S\d+) \[article (\d+)\]: (.*)$/.exec(line);
    if (m !== null) out.set(m[1]!, { article: Number(m[2]), text: m[3]! });
  }
  return out;
}

/** The first prompt sentence of article 1 and of article 2, as [id, line]. */
function firstOfEach(req: Received): [[string, { article: number; text: string }], [string, { article: number; text: string }]] {
  const lines = [...promptLines(req)];
  return [lines.find(([, l]) => l.article === 1)!, lines.find(([, l]) => l.article === 2)!];
}

/** A valid answer: a sentence of article 1, and one of article 2 told together with it, cited by their ids. */
function goodAnswer(req: Received): { headline: string; sentences: { text: string; ids: string[] }[] } {
  const [first, second] = firstOfEach(req);
  return {
    headline: 'NATO chief speaks on Ukraine',
    sentences: [
      { text: first[1].text, ids: [first[0]] },
      { text: second[1].text, ids: [second[0], first[0]] },
    ],
  };
}

function llm(timeoutMs = 2000) {
  return createLlmSummarizer({
    baseUrl: `${baseUrl}/v1/`,
    model: 'stand-in',
    apiKey: API_KEY,
    timeoutMs,
    fallback: createExtractiveSummarizer(),
    logger,
  });
}

beforeAll(async () => {
  server = await listenLocal((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      if (req.url !== '/v1/chat/completions' || req.method !== 'POST') {
        res.writeHead(404).end();
        return;
      }
      const r = { headers: req.headers, body: JSON.parse(raw) as Received['body'] };
      received.push(r);
      behaviour(r, res);
    });
  });
  baseUrl = server.origin;
});

afterAll(async () => {
  for (const t of pending) clearTimeout(t);
  await server.close();
});

beforeEach(() => {
  received = [];
  logged = [];
});

describe('LLM summarizer', () => {
  it('uses a valid answer and maps the cited ids to the articles that carry them', async () => {
    behaviour = (req, res) => reply(res, JSON.stringify(goodAnswer(req)));
    const summary = await llm().summarize(story, budget);
    expect(received).toHaveLength(1);
    const req = received[0]!;
    expect(req.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(req.body.model).toBe('stand-in');
    expect(req.body.response_format).toEqual({ type: 'json_object' });
    const lines = promptLines(req);
    expect(lines.size).toBeGreaterThan(2);
    // Every prompt line is a sentence of the article it names.
    for (const { article, text } of lines.values()) expect(story.articles[article - 1]!.text.replace(/\s+/g, ' ')).toContain(text.slice(-30));
    const expected = goodAnswer(req);
    expect(summary.headline).toBe(expected.headline);
    expect(summary.sentences.map((s) => s.text)).toEqual(expected.sentences.map((s) => s.text));
    expect(summary.sentences[0]!.sources).toContain('002');
    expect([...summary.sentences[1]!.sources].sort()).toEqual(['002', '003']);
    expect(logged).toEqual([]);
  });

  it('parses an answer wrapped in a code fence with a preamble, and takes the extractive headline when none is given', async () => {
    behaviour = (req, res) => {
      const { sentences } = goodAnswer(req);
      reply(res, `Here is the summary:\n\`\`\`json\n${JSON.stringify({ sentences })}\n\`\`\``);
    };
    const titled = { ...story, articles: story.articles.map((a, i) => ({ ...a, title: `NATO will not join ceasefire talks, Rutte says (${i})` })) };
    const summary = await llm().summarize(titled, budget);
    const extractive = await createExtractiveSummarizer().summarize(titled, budget);
    expect(summary.sentences[0]!.text).toBe(goodAnswer(received[0]!).sentences[0]!.text);
    expect(summary.headline).toMatch(/^NATO will not join ceasefire talks/);
    expect(summary.headline).toBe(extractive.headline);
  });

  const badCases: [string, Behaviour, RegExp, number?][] = [
    [
      'an answer citing an unknown id',
      (req, res) => {
        const answer = goodAnswer(req);
        answer.sentences[1]!.ids.push('S999');
        reply(res, JSON.stringify(answer));
      },
      /llm-invalid-answer: sentence 2 cites unknown id "S999"/,
    ],
    [
      'an over-budget answer',
      (req, res) => {
        const answer = goodAnswer(req);
        // The cited sentence told eight times: supported, but far over the word budget.
        answer.sentences[0]!.text = Array.from({ length: 8 }, () => answer.sentences[0]!.text).join(' ');
        reply(res, JSON.stringify(answer));
      },
      /llm-invalid-answer: \d+ words, over the budget of 120/,
    ],
    [
      'too many sentences',
      (req, res) => {
        const answer = goodAnswer(req);
        const one = answer.sentences[0]!;
        answer.sentences = Array.from({ length: budget.maxSentences + 1 }, (_, i) => ({ ...one, text: `Fact ${i}.` }));
        reply(res, JSON.stringify(answer));
      },
      /over the budget of 4/,
    ],
    [
      'an invented sentence (valid ids, but no given sentence says it)',
      (req, res) => {
        const answer = goodAnswer(req);
        answer.sentences[1]!.text = 'The alliance will station 40,000 troops in the Arctic by next spring, officials said.';
        reply(res, JSON.stringify(answer));
      },
      /llm-invalid-answer: sentence 2 says what none of the given sentences says/,
    ],
    [
      'an invented detail (a number the cited sentence does not hold)',
      (req, res) => {
        const answer = goodAnswer(req);
        answer.sentences[0]!.text = `${answer.sentences[0]!.text.replace(/[.!?"]+$/, '')} on 14 March.`;
        reply(res, JSON.stringify(answer));
      },
      /llm-invalid-answer: sentence 1 states 14, which its cited sentences do not/,
    ],
    [
      'a wrong citation (a real sentence credited to another one)',
      (req, res) => {
        const answer = goodAnswer(req);
        const [first, second] = firstOfEach(req);
        answer.sentences[1] = { text: second[1].text, ids: [first[0]] };
        reply(res, JSON.stringify(answer));
      },
      /llm-invalid-answer: sentence 2 cites sentences that do not say it \(S\d+ does\)/,
    ],
    [
      'a boilerplate line',
      (req, res) => {
        const answer = goodAnswer(req);
        const [first] = firstOfEach(req);
        answer.sentences.push({ text: 'Subscribe to our Telegram channel for the latest news on NATO and Ukraine.', ids: [first[0]] });
        reply(res, JSON.stringify(answer));
      },
      /llm-invalid-answer: sentence 3 is boilerplate \(pattern\)/,
    ],
    ['an empty sentence list', (_req, res) => reply(res, JSON.stringify({ headline: 'x', sentences: [] })), /has no sentences/],
    ['an answer that is not JSON', (_req, res) => reply(res, 'I cannot summarize this.'), /holds no JSON object/],
    ['an HTTP 500', (_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('upstream exploded'), /llm-http: HTTP 500 .*upstream exploded/],
    ['a response without choices', (_req, res) => res.writeHead(200).end('{"error":"nope"}'), /llm-bad-response/],
    [
      'a slow answer past the timeout',
      (req, res) => {
        const t = setTimeout(() => {
          pending.delete(t);
          if (!res.destroyed) reply(res, JSON.stringify(goodAnswer(req)));
        }, 1500);
        pending.add(t);
      },
      /llm-timeout: no answer within 150 ms/,
      150,
    ],
  ];

  for (const [name, handler, reason, timeoutMs] of badCases) {
    it(`falls back to exactly the extractive summary on ${name}`, async () => {
      behaviour = handler;
      const started = performance.now();
      const summary = await llm(timeoutMs).summarize(story, budget);
      const elapsed = performance.now() - started;
      const extractive = await createExtractiveSummarizer().summarize(story, budget);
      expect(received).toHaveLength(1);
      expect(summary).toEqual(extractive);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(reason);
      expect(logged[0]).toContain('story-1');
      expect(logged.join('\n')).not.toContain(API_KEY);
      if (timeoutMs !== undefined) expect(elapsed).toBeLessThan(1400);
    });
  }

  it('catches an invented sentence, a wrong citation and a boilerplate line in one answer, and uses the extractive summary', async () => {
    behaviour = (req, res) => {
      const [first, second] = firstOfEach(req);
      reply(res, JSON.stringify({
        headline: 'NATO chief speaks on Ukraine',
        sentences: [
          { text: 'The alliance will station 40,000 troops in the Arctic by next spring, officials said.', ids: [first[0]] },
          { text: second[1].text, ids: [first[0]] },
          { text: 'Subscribe to our Telegram channel for the latest news on NATO and Ukraine.', ids: [second[0]] },
        ],
      }));
    };
    const summary = await llm().summarize(story, budget);
    expect(summary).toEqual(await createExtractiveSummarizer().summarize(story, budget));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/llm-invalid-answer: sentence 1 says what none of the given sentences says/);
  });

  it('drops a boilerplate headline for the extractive choice and keeps the checked sentences', async () => {
    behaviour = (req, res) => reply(res, JSON.stringify({ ...goodAnswer(req), headline: 'Share this article on Facebook' }));
    const summary = await llm().summarize(story, budget);
    // The same answer with no headline at all gets the headline the extractive side chooses for it.
    behaviour = (req, res) => reply(res, JSON.stringify({ sentences: goodAnswer(req).sentences }));
    const untitled = await llm().summarize(story, budget);
    expect(summary.headline).not.toMatch(/share/i);
    expect(summary.headline).toBe(untitled.headline);
    expect(summary.sentences.map((s) => s.text)).toEqual(goodAnswer(received[0]!).sentences.map((s) => s.text));
  });

  it('falls back when the server cannot be reached, without logging the key', async () => {
    const summarizer = createLlmSummarizer({
      baseUrl: 'http://127.0.0.1:1/v1',
      model: 'm',
      apiKey: API_KEY,
      timeoutMs: 2000,
      fallback: createExtractiveSummarizer(),
      logger,
    });
    const summary = await summarizer.summarize(story, budget);
    expect(summary).toEqual(await createExtractiveSummarizer().summarize(story, budget));
    expect(logged[0]).toMatch(/llm-network/);
    expect(logged.join('\n')).not.toContain(API_KEY);
  });

  it('redacts the key even if an error message were to echo it', async () => {
    behaviour = (_req, res) => res.writeHead(401).end(`invalid key ${API_KEY}`);
    await llm().summarize(story, budget);
    expect(logged[0]).toMatch(/HTTP 401 .*invalid key \[redacted\]/);
    expect(logged[0]).not.toContain(API_KEY);
  });
});
