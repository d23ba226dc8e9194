import { useEffect, useState } from 'react';
import { contactVars } from '@zyntra/flows-schema';
import { contactsApi } from '../contacts/contacts-api';

/** One contact of the channel, as the preview reads the message for: its name and the values its placeholders take. */
export function useSampleContact(channelId: string | null): { name: string; vars: Record<string, string> } | null {
  const [sample, setSample] = useState<{ name: string; vars: Record<string, string> } | null>(null);
  useEffect(() => {
    setSample(null);
    if (!channelId) return;
    const abort = new AbortController();
    contactsApi.sample(channelId, abort.signal).then(
      (c) => setSample(c ? { name: c.name ?? c.phone ?? '', vars: contactVars({ ...c, attributes: c.attributes }) } : null),
      () => undefined,
    );
    return () => abort.abort();
  }, [channelId]);
  return sample;
}
