// The language a workspace's customers read on a channel: the web-chat widget's own language (set on
// the channel), Portuguese on the others (a workspace has no language of its own yet). Whatever the
// product itself writes to a customer (the widget's texts, the satisfaction survey) follows it.
export type CustomerLocale = 'pt-BR' | 'en';

export const customerLocale = (config: Record<string, unknown> | null | undefined): CustomerLocale =>
  config?.language === 'en' ? 'en' : 'pt-BR';
