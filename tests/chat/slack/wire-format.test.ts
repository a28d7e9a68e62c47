// Slack's wire format at the edges: the signing scheme our test harness uses (checked against Slack's own
// published example), the timestamp window, and unwrapping of slash command text.
import { describe, expect, it } from 'vitest';
import { timestampWithinWindow } from '../../../src/chat/slack/timestamp-guard.ts';
import { unwrapSlackText } from '../../../src/chat/slack/unwrap-text.ts';
import { signedHeaders } from './fake-slack.ts';

describe('request signing and the timestamp window', () => {
  it('the harness signs exactly like Slack (published test vector)', () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar' +
      '&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com' +
      '%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    const headers = signedHeaders('8f742231b10e8888abcd99yyyzzz85a5', body, 1531420618);
    expect(headers['x-slack-signature']).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
  });

  it('accepts up to 5 minutes either way, refuses beyond, and leaves a missing header to bolt', () => {
    const now = 1_700_000_000_000;
    const at = (offsetSeconds: number) => timestampWithinWindow(String(now / 1000 + offsetSeconds), now, 300);
    expect([at(-300), at(0), at(300)]).toEqual([true, true, true]);
    expect([at(-301), at(301), at(-360), at(360)]).toEqual([false, false, false, false]);
    expect(timestampWithinWindow('12abc', now, 300)).toBe(false);
    expect(timestampWithinWindow('', now, 300)).toBe(false);
    expect(timestampWithinWindow(undefined, now, 300)).toBeNull();
  });
});

describe('unwrapSlackText', () => {
  it.each([
    ['add <https://example.com/rss|example.com/rss>', 'add https://example.com/rss'],
    ['add <https://example.com/rss>', 'add https://example.com/rss'],
    ['add <https://x.example/?a=1&amp;b=2|x.example>', 'add https://x.example/?a=1&b=2'],
    ['tom &amp; jerry &lt;3 &gt; all', 'tom & jerry <3 > all'],
    ['literal &amp;lt; stays', 'literal &lt; stays'],
    ['ask <@U123|alice> in <#C42|news>', 'ask @alice in #news'],
    ['ask <@U123> in <#C42>', 'ask @U123 in #C42'],
    ['hey <!here> and <!subteam^S1|@editors>', 'hey @here and @editors'],
    ['  nato summit  ', 'nato summit'],
  ])('%s', (input, expected) => {
    expect(unwrapSlackText(input)).toBe(expected);
  });
});
