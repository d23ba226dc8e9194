// A plain page with the widget embedded, so a new install can talk to its bot right away (the
// launcher prints its address for the demo workspace's web-chat channel; Settings links each web-chat
// channel's). It says what to write to this workspace's published flows, not a demo's keyword: a
// visitor told to say "oi" to a flow that answers "cardápio" meets silence and no reason.
export type TriggerConfig = { keywords?: Array<{ value?: unknown; match?: unknown }>; newContact?: unknown; fallback?: unknown; channelIds?: unknown };

/** What starts a published flow on this channel: the keywords a visitor can type, and whether any message does. */
export function tryHints(triggers: TriggerConfig[], channelId: string): { keywords: string[]; anyMessage: boolean } {
  const here = triggers.filter((t) => !Array.isArray(t.channelIds) || t.channelIds.length === 0 || t.channelIds.includes(channelId));
  const keywords = here.flatMap((t) => t.keywords ?? [])
    // A regex is not something to tell a visitor to type.
    .filter((k) => k.match !== 'regex' && typeof k.value === 'string' && k.value.trim() !== '')
    .map((k) => (k.value as string).trim());
  return { keywords: [...new Set(keywords)].slice(0, 5), anyMessage: here.some((t) => t.fallback === true || t.newContact === true) };
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function instructions(hints: { keywords: string[]; anyMessage: boolean }): { pt: string; en: string } {
  const words = hints.keywords.map((k) => `<code>${escape(k)}</code>`);
  if (words.length > 0) {
    const list = (or: string) => words.join(` ${or} `);
    return hints.anyMessage
      ? { pt: `Abra o chat no canto da tela e escreva ${list('ou')} (ou qualquer mensagem).`, en: `Open the chat in the corner and write ${list('or')} (or any message).` }
      : { pt: `Abra o chat no canto da tela e escreva ${list('ou')}.`, en: `Open the chat in the corner and write ${list('or')}.` };
  }
  if (hints.anyMessage) return { pt: 'Abra o chat no canto da tela e escreva qualquer mensagem.', en: 'Open the chat in the corner and write any message.' };
  return {
    pt: 'Nenhum fluxo publicado responde a este chat ainda. No construtor, publique um fluxo com uma palavra-chave (ou com “Iniciar quando nenhum outro fluxo corresponder”) e recarregue esta página.',
    en: 'No published flow answers this chat yet. In the builder, publish a flow with a keyword (or with “Start when no other flow matches”), then reload this page.',
  };
}

export function tryPageHtml(channelId: string, hints: { keywords: string[]; anyMessage: boolean }): string {
  const say = instructions(hints);
  return `<!doctype html>
<html lang="pt-BR"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Zyntra — web chat</title>
<style>body{font-family:system-ui,sans-serif;max-width:640px;margin:60px auto;padding:0 20px;color:#212529;line-height:1.5}
code{background:#f1f3f5;padding:2px 6px;border-radius:4px}</style></head>
<body><h1>Zyntra web chat</h1>
<p>Este é o widget de chat do seu site, ligado aos fluxos publicados. ${say.pt}</p>
<p lang="en">This is your website's chat widget, connected to the published flows. ${say.en}</p>
<script src="/widget.js" data-channel="${escape(channelId)}" async></script>
</body></html>`;
}
