// /feeds list | add <url> | remove <id>: list is for everyone; add and remove are for admins.
// A feed is fetched and parsed before it is saved, so a typo never becomes a silently failing feed.
import { NewsDigestError } from '../domain/errors.ts';
import { notAdmin } from './admin.ts';
import { splitArguments } from './arguments.ts';
import type { CommandServices } from './services.ts';
import type { CommandReply, CommandRequest } from './types.ts';

const USAGE = 'Usage: `/feeds list`, `/feeds add <url>` or `/feeds remove <id>`.';

export async function handleFeeds(request: CommandRequest, services: CommandServices): Promise<CommandReply> {
  const [action = 'list', arg, ...extra] = splitArguments(request.text);
  switch (action.toLowerCase()) {
    case 'list':
      return listFeeds(services);
    case 'add':
    case 'remove':
      if (arg === undefined || extra.length > 0) return { visibility: 'ephemeral', text: USAGE };
      if (!(await request.isAdmin())) return notAdmin(request.platform);
      return action.toLowerCase() === 'add' ? addFeed(arg, request, services) : removeFeed(arg, services);
    default:
      return { visibility: 'ephemeral', text: USAGE };
  }
}

async function listFeeds(services: CommandServices): Promise<CommandReply> {
  const feeds = await services.feeds.list();
  if (feeds.length === 0) return { visibility: 'ephemeral', text: 'No feeds yet. An admin can add one with `/feeds add <url>`.' };
  const items: string[] = [];
  for (const feed of feeds) {
    const health = await services.feedHealth(feed.url);
    const status =
      health === undefined
        ? 'not polled yet'
        : health.consecutiveFailures > 0
          ? `failing (${health.consecutiveFailures}x): ${health.lastError ?? 'unknown error'}`
          : `ok, last polled ${health.lastSuccess ?? 'never'}`;
    items.push(`${feed.id}  ${feed.title}  ${feed.url}  (${status})`);
  }
  return { visibility: 'ephemeral', text: `${feeds.length} feed${feeds.length === 1 ? '' : 's'}:`, items };
}

async function addFeed(url: string, request: CommandRequest, services: CommandServices): Promise<CommandReply> {
  if (!/^https?:\/\//i.test(url)) return { visibility: 'ephemeral', text: `That is not an http(s) URL: ${url}` };
  let checked: { title: string; items: number };
  try {
    checked = await services.validateFeed(url);
  } catch (error) {
    // The user sees why the feed was refused; the code lets operators grep logs.
    const reason = error instanceof NewsDigestError ? error.message : 'the feed could not be read';
    return { visibility: 'ephemeral', text: `Not added: ${reason}` };
  }
  const record = await services.feeds.add(url, checked.title, request.userId, services.now().toISOString());
  return {
    visibility: 'ephemeral',
    text: `Added feed ${record.id}: ${record.title} (${checked.items} item${checked.items === 1 ? '' : 's'} now).`,
  };
}

async function removeFeed(idOrUrl: string, services: CommandServices): Promise<CommandReply> {
  const removed = await services.feeds.remove(idOrUrl);
  return removed === undefined
    ? { visibility: 'ephemeral', text: `No feed has id ${idOrUrl}. See \`/feeds list\`.` }
    : { visibility: 'ephemeral', text: `Removed feed ${removed.id}: ${removed.title}.` };
}
