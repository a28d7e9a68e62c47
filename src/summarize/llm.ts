// Optional LLM summarizer behind the Summarizer port, off by default. It sends the story's candidate
// sentences with ids ("S3: ...") to any OpenAI-compatible /v1/chat/completions endpoint, asks for a JSON
// summary that cites those ids, checks the answer (llm-prompt.ts) and maps the ids to article citations.
// Any failure (network, timeout, HTTP status, unparseable or invalid answer) logs the reason and returns the
// fallback (extractive) summary instead: a digest is never late or uncited because a model misbehaved.
import type { StorySummary } from '../domain/story.ts';
import { silentLogger, type Logger } from '../ops/logger.ts';
import { resolveOptions, type ExtractiveOptions } from './defaults.ts';
import { chooseHeadline } from './headline.ts';
import { buildMessages, InvalidAnswerError, parseAnswerJson, promptSentences, toSummary, validateAnswer } from './llm-prompt.ts';
import { buildStoryModel } from './story-model.ts';
import type { StoryInput, Summarizer, SummaryBudget } from './types.ts';

export type LlmFetch = (url: string, init: RequestInit) => Promise<Response>;

export interface LlmSummarizerOptions {
  /** The API root that /chat/completions is appended to, e.g. "https://api.openai.com/v1". */
  readonly baseUrl: string;
  readonly model: string;
  /** Sent as a Bearer token when non-empty; local servers often need none. Never logged. */
  readonly apiKey: string;
  /** Whole-request deadline (connect, answer and body), after which the fallback is used. */
  readonly timeoutMs: number;
  readonly fallback: Summarizer;
  readonly fetch?: LlmFetch;
  readonly logger?: Logger;
  /** Most sentences put in the prompt; LLM_DEFAULTS.maxPromptSentences when absent. */
  readonly maxPromptSentences?: number;
  /**
   * Ask for response_format json_object. Servers without JSON mode may refuse the field with a 400; set
   * false for those (the answer is parsed defensively either way).
   */
  readonly jsonMode?: boolean;
  /** Extractive options for candidate sentences and citation thresholds. */
  readonly extractive?: Partial<ExtractiveOptions>;
}

export const LLM_DEFAULTS = {
  // 60 sentences of ~25 words is ~2,000 prompt tokens: enough for every fact of a large story's leads.
  maxPromptSentences: 60,
  jsonMode: true,
  // Summaries should be reproducible and stick to the given text.
  temperature: 0,
} as const;

/** Why a request failed, with a stable code for logs and metrics. */
export class LlmRequestError extends Error {
  readonly code: 'llm-timeout' | 'llm-http' | 'llm-bad-response' | 'llm-network';
  readonly status: number | null;
  constructor(code: LlmRequestError['code'], message: string, status: number | null = null, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LlmRequestError';
    this.code = code;
    this.status = status;
  }
}

export function createLlmSummarizer(options: LlmSummarizerOptions): Summarizer {
  const logger = options.logger ?? silentLogger;
  const extractive = resolveOptions(options.extractive);
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const doFetch: LlmFetch = options.fetch ?? ((url, init) => fetch(url, init));
  const redact = (text: string): string => (options.apiKey === '' ? text : text.split(options.apiKey).join('[redacted]'));

  async function summarizeWithModel(story: StoryInput, budget: SummaryBudget): Promise<StorySummary> {
    const model = buildStoryModel(story.articles, extractive, story.rewriteOf);
    const sentences = promptSentences(model, options.maxPromptSentences ?? LLM_DEFAULTS.maxPromptSentences);
    if (sentences.length === 0) throw new InvalidAnswerError('the story has no usable sentences to send');
    const body = {
      model: options.model,
      messages: buildMessages(model, sentences, budget),
      temperature: LLM_DEFAULTS.temperature,
      ...((options.jsonMode ?? LLM_DEFAULTS.jsonMode) ? { response_format: { type: 'json_object' } } : {}),
    };
    const content = await complete(JSON.stringify(body));
    const validated = validateAnswer(parseAnswerJson(content), sentences, model, budget, extractive);
    return toSummary(validated, () => chooseHeadline(model, story.articles, validated.sentences[0]?.text));
  }

  /** POST the request and return the first choice's message content, all within the deadline. */
  async function complete(body: string): Promise<string> {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The race also covers an injected fetch that ignores the abort signal.
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new LlmRequestError('llm-timeout', `no answer within ${options.timeoutMs} ms`));
      }, options.timeoutMs);
    });
    try {
      return await Promise.race([request(body, controller.signal), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function request(body: string, signal: AbortSignal): Promise<string> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (options.apiKey !== '') headers.authorization = `Bearer ${options.apiKey}`;
    let response: Response;
    let text: string;
    try {
      response = await doFetch(endpoint, { method: 'POST', headers, body, signal });
      text = await response.text();
    } catch (error) {
      if (signal.aborted) throw new LlmRequestError('llm-timeout', `no answer within ${options.timeoutMs} ms`);
      throw new LlmRequestError('llm-network', `request to ${endpoint} failed: ${(error as Error).message}`, null, { cause: error });
    }
    if (!response.ok) {
      // A short excerpt of the error body names the problem (unknown model, quota) without flooding the log.
      throw new LlmRequestError('llm-http', `HTTP ${response.status} from ${endpoint}: ${text.slice(0, 200)}`, response.status);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      throw new LlmRequestError('llm-bad-response', 'the response body is not JSON');
    }
    const content = (parsed as { choices?: { message?: { content?: unknown } }[] } | null)?.choices?.[0]?.message?.content;
    if (typeof content !== 'string' || content.trim() === '') {
      throw new LlmRequestError('llm-bad-response', 'the response has no choices[0].message.content');
    }
    return content;
  }

  return {
    async summarize(story: StoryInput, budget: SummaryBudget): Promise<StorySummary> {
      try {
        return await summarizeWithModel(story, budget);
      } catch (error) {
        const code = error instanceof LlmRequestError || error instanceof InvalidAnswerError ? error.code : 'llm-error';
        const message = error instanceof Error ? error.message : String(error);
        logger.warn(redact(`llm summarizer: story ${story.id}: ${code}: ${message}; using the extractive summary`));
        return options.fallback.summarize(story, budget);
      }
    },
  };
}
