// A plain page with the widget embedded, so a new install can talk to its bot right away
// (the launcher prints its address for the demo workspace's web-chat channel).
export function tryPageHtml(channelId: string): string {
  return `<!doctype html>
<html lang="pt-BR"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Zyntra — web chat</title>
<style>body{font-family:system-ui,sans-serif;max-width:640px;margin:60px auto;padding:0 20px;color:#212529;line-height:1.5}
code{background:#f1f3f5;padding:2px 6px;border-radius:4px}</style></head>
<body><h1>Zyntra web chat</h1>
<p>Este é o widget de chat do seu site, ligado ao fluxo publicado. Abra o chat no canto da tela e diga <code>oi</code>.</p>
<p>This is your website's chat widget, connected to the published flow. Open the chat in the corner and say <code>oi</code>.</p>
<script src="/widget.js" data-channel="${channelId}" async></script>
</body></html>`;
}
