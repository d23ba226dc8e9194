// The language a workspace's customers read on a channel: the channel's `language` setting (Settings →
// Channels, "Customers' language"), Portuguese when unset. Whatever the product itself writes to a
// customer (the widget's texts, the satisfaction survey, a wait step's default re-ask) follows it.
export type CustomerLocale = 'pt-BR' | 'en';

export const customerLocale = (config: Record<string, unknown> | null | undefined): CustomerLocale =>
  config?.language === 'en' ? 'en' : 'pt-BR';
