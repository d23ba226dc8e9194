// What the wizard offers: the workspace's WhatsApp channels, their templates (when the server
// lists them) and the flows that can answer replies.
import { useEffect, useState } from 'react';
import { flowsApi, type FlowSummary } from '../flows-list/flows-api';
import { channelsApi, type Channel } from '../settings/channels/channels-api';
import { campaignsApi, type ChannelTemplate } from './campaigns-api';

export function useWizardOptions(opened: boolean, channelId: string | null) {
  const [channels, setChannels] = useState<Channel[] | null>(null);
  const [flows, setFlows] = useState<FlowSummary[]>([]);
  const [templates, setTemplates] = useState<ChannelTemplate[]>([]);
  useEffect(() => {
    if (!opened) return;
    const ctrl = new AbortController();
    channelsApi.list(ctrl.signal).then((r) => setChannels(r.items.filter((c) => c.type === 'whatsapp_cloud' || c.type === 'evolution')), () => {});
    flowsApi.list(ctrl.signal).then((f) => setFlows(f.filter((x) => x.status === 'published')), () => {});
    return () => ctrl.abort();
  }, [opened]);
  useEffect(() => {
    setTemplates([]);
    if (!channelId) return;
    const ctrl = new AbortController();
    void campaignsApi.templates(channelId, ctrl.signal).then((items) => setTemplates(items.filter((x) => x.status === 'APPROVED')));
    return () => ctrl.abort();
  }, [channelId]);
  return { channels: channels ?? [], noChannel: channels?.length === 0, flows, templates };
}

