// The Slack adapter's public surface: what main.ts and the outbox need, nothing of bolt's types beyond it.
export { type SlackApp, type SlackAppOptions, SLACK_APP_DEFAULTS, createSlackApp } from './app.ts';
export { type SlackSink, type SlackSinkOptions, createSlackSink } from './sink.ts';
export { type SlackPost, type SlackPoster, type SlackPosterOptions, SLACK_POSTER_DEFAULTS, createSlackPoster } from './poster.ts';
export { type SlackErrorCode, SlackDeliveryError } from './errors.ts';
export { type SlackHttp, type SlackHttpOptions, SLACK_HTTP_DEFAULTS, createSlackHttp } from './slack-http.ts';
export { type Block, type SlackMessage, SLACK_LIMITS } from './blocks.ts';
export { type OnlyHereLine, renderSlackStory, renderSlackUpdate } from './render.ts';
export { renderSlackReply } from './render-reply.ts';
export { splitSlackMessages } from './split-messages.ts';
export { unwrapSlackText } from './unwrap-text.ts';
