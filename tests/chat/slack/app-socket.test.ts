// The Slack app in Socket Mode: bolt opens apps.connections.open at the stand-in API, connects to the
// ws:// URL it hands out, receives a slash_commands envelope, acks it by envelope_id and responds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackApp, createSlackApp } from '../../../src/chat/slack/app.ts';
import { WORKING_TEXT } from '../../../src/chat/slack/commands.ts';
import { type FakeSlack, slashCommand, startFakeSlack } from './fake-slack.ts';
import { memoryLogger, scriptedHandler } from './fixtures.ts';

let fake: FakeSlack;
let app: SlackApp;
const handler = scriptedHandler();

beforeAll(async () => {
  fake = await startFakeSlack();
  app = createSlackApp({
    botToken: 'xoxb-test',
    appToken: 'xapp-test',
    // Without the trailing slash, as an operator might type SLACK_API_URL: the app must still reach /api/<method>.
    apiUrl: fake.apiUrl.replace(/\/$/, ''),
    port: 0,
    handler,
    adminUserIds: [],
    logger: memoryLogger(),
    retryConfig: { retries: 0 },
  });
  await app.start();
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

describe('Slack app, Socket Mode', () => {
  it('connects with the app token, needs no signing secret and no HTTP port', () => {
    expect(app.mode).toBe('socket');
    expect(app.port()).toBeNull();
    const open = fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.headers.authorization).toBe('Bearer xapp-test');
  });

  it('acks a slash_commands envelope with its envelope_id, then responds through response_url', async () => {
    fake.sendFrame({
      envelope_id: 'env-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: slashCommand(fake, { command: '/story', text: 'ceasefire', id: 'socket-1' }),
    });
    const ack = await fake.waitFor(() => fake.socketFrames.find((frame) => frame['envelope_id'] === 'env-1'), 'ack env-1');
    expect(ack).toEqual({ envelope_id: 'env-1', payload: { response_type: 'ephemeral', text: WORKING_TEXT } });

    const response = await fake.waitFor(() => fake.responses.find((r) => r.id === 'socket-1'), 'response socket-1');
    expect(response.body['response_type']).toBe('in_channel');
    expect(JSON.stringify(response.body['blocks'])).toContain('About ceasefire');
    expect(handler.requests.map((r) => r.text)).toEqual(['ceasefire']);
  });
});
