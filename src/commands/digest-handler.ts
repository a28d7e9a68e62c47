// /digest posts the channel's digest now; /digest preview shows it only to the caller.
import type { CommandReply, CommandRequest } from './types.ts';
import type { CommandServices } from './services.ts';

export async function handleDigest(request: CommandRequest, services: CommandServices): Promise<CommandReply> {
  const mode = request.text.trim().toLowerCase();
  if (mode !== '' && mode !== 'preview' && mode !== 'now') {
    return { visibility: 'ephemeral', text: 'Usage: `/digest` posts the digest here now; `/digest preview` shows it only to you.' };
  }
  const channelId = await services.resolveChannel(request.platform, request.channelId);
  if (mode === 'preview') {
    const stories = await services.previewDigest(channelId);
    return stories.length === 0
      ? { visibility: 'ephemeral', text: 'Nothing new since the last digest in this channel.' }
      : { visibility: 'ephemeral', text: `The next digest would post ${stories.length} stor${stories.length === 1 ? 'y' : 'ies'}:`, stories };
  }
  const posted = await services.postDigestNow(channelId);
  return {
    visibility: 'ephemeral',
    text: posted === 0 ? 'Nothing new since the last digest in this channel.' : `Posted ${posted} stor${posted === 1 ? 'y' : 'ies'}.`,
  };
}
