// /digest-settings schedule "<cron>" tz <zone> | quiet <HH:MM-HH:MM>|off | size <n>  (admins only).
import cron from 'node-cron';
import { isTimeZone } from '../schedule/time-zone.ts';
import type { ChannelSettings } from '../store/channel-repository.ts';
import { notAdmin } from './admin.ts';
import { splitArguments } from './arguments.ts';
import type { CommandServices } from './services.ts';
import type { CommandReply, CommandRequest } from './types.ts';

const USAGE =
  'Usage: `/digest-settings schedule "0 8 * * 1-5" tz Europe/Berlin`, `/digest-settings quiet 22:00-07:00` (or `quiet off`), `/digest-settings size 5`.';
const MAX_SIZE = 50;

export async function handleSettings(request: CommandRequest, services: CommandServices): Promise<CommandReply> {
  const args = splitArguments(request.text);
  const change = parseChange(args);
  if (typeof change === 'string') return { visibility: 'ephemeral', text: change };
  if (!(await request.isAdmin())) return notAdmin(request.platform);
  const channelId = await services.resolveChannel(request.platform, request.channelId);
  const current = (await services.channels.get(channelId)) ?? {
    channelId,
    platform: request.platform,
    target: request.channelId,
  };
  const next: ChannelSettings = { ...current, ...change.patch };
  if (change.clearQuiet) delete (next as { quiet?: unknown }).quiet;
  await services.channels.put(next);
  await services.settingsChanged(channelId);
  return { visibility: 'ephemeral', text: change.confirmation };
}

interface Change {
  readonly patch: Partial<ChannelSettings>;
  readonly clearQuiet: boolean;
  readonly confirmation: string;
}

/** A Change, or the message that explains what is wrong with the arguments. */
export function parseChange(args: readonly string[]): Change | string {
  const [what, ...rest] = args;
  switch (what?.toLowerCase()) {
    case 'schedule': {
      const [expr, tzWord, zone] = rest;
      if (expr === undefined || rest.length > 3 || (tzWord !== undefined && tzWord.toLowerCase() !== 'tz')) return USAGE;
      if (!cron.validate(expr)) return `"${expr}" is not a valid cron expression (minute hour day month weekday).`;
      const timezone = zone ?? 'UTC';
      if (!isTimeZone(timezone)) return `"${timezone}" is not a time zone; use an IANA name such as Europe/Berlin.`;
      return { patch: { cron: expr, timezone }, clearQuiet: false, confirmation: `Digest schedule set to \`${expr}\` (${timezone}).` };
    }
    case 'quiet': {
      const [range] = rest;
      if (range === undefined || rest.length > 1) return USAGE;
      if (range.toLowerCase() === 'off') return { patch: {}, clearQuiet: true, confirmation: 'Quiet hours turned off.' };
      const quiet = parseQuiet(range);
      if (quiet === undefined) return `"${range}" is not a time range like 22:00-07:00.`;
      return { patch: { quiet }, clearQuiet: false, confirmation: `Quiet hours set to ${range}: digests wait until they end.` };
    }
    case 'size': {
      const [n] = rest;
      const size = Number(n);
      if (n === undefined || rest.length > 1 || !Number.isInteger(size) || size < 1 || size > MAX_SIZE) {
        return `Size must be a whole number from 1 to ${MAX_SIZE}.`;
      }
      return { patch: { size }, clearQuiet: false, confirmation: `Digests will show at most ${size} stor${size === 1 ? 'y' : 'ies'}.` };
    }
    default:
      return USAGE;
  }
}

export function parseQuiet(range: string): { start: number; end: number } | undefined {
  const match = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(range);
  if (match === null) return undefined;
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
  if (h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59) return undefined;
  const start = h1 * 60 + m1;
  const end = h2 * 60 + m2;
  return start === end ? undefined : { start, end };
}

