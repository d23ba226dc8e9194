// What the start confirmation repeats from the wizard and the channel before anything goes out: a
// template the channel's approved list does not have (WhatsApp refuses it at every recipient), a
// number whose connection test has not passed or that is disabled, a gateway number at risk of a
// ban. The wizard said some of it days ago, if at all; "start" is where it matters. Pure.
import type { Channel } from '../settings/channels/channels-api';
import type { Campaign, ChannelTemplate } from './campaigns-api';
import { approvedOf } from './template-choice';

export type StartWarning =
  | { kind: 'templateUnknown' }
  | { kind: 'channelPending' | 'channelDisabled'; channel: string }
  | { kind: 'gateway' };

/** `templates`: the channel's templates as listed; `channels`: the workspace's, empty when they could not be read. */
export function startWarnings(c: Pick<Campaign, 'channelId' | 'template' | 'warnings'>, templates: readonly ChannelTemplate[], channels: readonly Pick<Channel, 'id' | 'name' | 'status'>[]): StartWarning[] {
  const out: StartWarning[] = [];
  const approved = templates.filter((x) => x.status === 'APPROVED');
  if (!approvedOf(approved, { ...c.template, text: '' })) out.push({ kind: 'templateUnknown' });
  const channel = channels.find((x) => x.id === c.channelId);
  if (channel?.status === 'pending') out.push({ kind: 'channelPending', channel: channel.name });
  if (channel?.status === 'disabled') out.push({ kind: 'channelDisabled', channel: channel.name });
  if (c.warnings.length > 0) out.push({ kind: 'gateway' });
  return out;
}
