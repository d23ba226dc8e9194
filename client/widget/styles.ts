// Styles live inside the widget's shadow root, so the host page and the widget never restyle each other.
export const STYLES = `
:host { all: initial; --zy-accent: #12b886; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
/* A page's own rules reach the host element (\`* { font-family }\`, \`body { letter-spacing }\`) and its
   inherited text properties would flow into the widget: set them again inside. */
.launcher, .panel { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; font-size: 14px; line-height: normal; letter-spacing: normal;
  word-spacing: normal; text-transform: none; text-align: left; text-indent: 0; font-style: normal; font-weight: 400; color: #212529; box-sizing: border-box; }
.panel *, .panel *::before, .panel *::after { box-sizing: border-box; }
button, input { font-family: inherit; }
/* --zy-bottom: the site's data-bottom, to clear its own bar at the foot of the page (a cookie notice). */
.launcher { position: fixed; right: 20px; bottom: var(--zy-bottom, 20px); width: 56px; height: 56px; border-radius: 50%; border: 0;
  background: var(--zy-accent); color: #fff; display: flex; align-items: center; justify-content: center; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25); z-index: 2147483647; }
.panel { position: fixed; right: 20px; bottom: calc(var(--zy-bottom, 20px) + 68px); width: 340px; max-width: calc(100vw - 40px); height: 480px; max-height: calc(100vh - var(--zy-bottom, 20px) - 100px);
  background: #fff; border-radius: 14px; box-shadow: 0 8px 30px rgba(0,0,0,.25); display: none; flex-direction: column; overflow: hidden; z-index: 2147483647; }
.panel.open { display: flex; }
.header { background: var(--zy-accent); color: #fff; padding: 14px 8px 14px 16px; font-weight: 600; font-size: 15px; display: flex; align-items: center; justify-content: space-between; gap: 8px; }
/* 44 px: a finger's tap, in the corner of a phone's screen. */
.close { border: 0; background: none; color: #fff; font-size: 24px; line-height: 1; width: 44px; height: 44px; margin: -12px 0; border-radius: 50%; cursor: pointer; flex-shrink: 0; }
.close:hover, .close:focus-visible { background: rgba(255,255,255,.2); }
.log { flex: 1; overflow-y: auto; overscroll-behavior: contain; padding: 12px; background: #f4f6f8; display: flex; flex-direction: column; gap: 8px; }
/* A clipped item (media: overflow hidden) would otherwise shrink to nothing once the log overflows. */
.log > * { flex-shrink: 0; }
.bubble { max-width: 80%; padding: 8px 12px; border-radius: 12px; font-size: 14px; line-height: 1.35; white-space: pre-wrap; overflow-wrap: anywhere; }
.in { align-self: flex-end; background: color-mix(in srgb, var(--zy-accent) 20%, #fff); }
.out { align-self: flex-start; background: #fff; border: 1px solid #e9ecef; }
.out.agent { background: #e6fcf5; border-color: #96f2d7; }
.quote { border-left: 3px solid var(--zy-accent); background: rgba(0,0,0,.05); border-radius: 6px; padding: 4px 8px; margin-bottom: 4px; font-size: 12px; color: #495057;
  display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.who { align-self: flex-start; font-size: 11px; font-weight: 600; color: #0ca678; margin: 4px 0 -6px 4px; }
.choices { display: flex; flex-wrap: wrap; gap: 6px; align-self: flex-start; }
.choice { border: 1px solid var(--zy-accent); color: color-mix(in srgb, var(--zy-accent) 80%, #000); background: #fff; border-radius: 22px; min-height: 44px; padding: 6px 16px; font-size: 14px; cursor: pointer; }
.media { max-width: 80%; border-radius: 12px; overflow: hidden; }
.media.in { align-self: flex-end; }
.media.out { align-self: flex-start; }
.media img { display: block; max-width: 100%; max-height: 240px; }
video.media { max-height: 240px; background: #000; }
audio.media { width: 80%; }
.media.file { display: flex; align-items: center; gap: 6px; padding: 8px 12px; background: #fff; border: 1px solid #e9ecef; color: color-mix(in srgb, var(--zy-accent) 80%, #000); font-size: 14px; text-decoration: none; word-break: break-all; }
.empty { color: #868e96; font-size: 13px; text-align: center; margin-top: 40%; }
.closed { align-self: center; color: #495057; background: #e9ecef; font-size: 12px; text-align: center; border-radius: 12px; padding: 6px 12px; margin: 4px 8px; max-width: 90%; }
/* A message's time: small and muted, yet 5.6:1 on the log's grey. */
.time { font-size: 12px; color: #5c636a; margin: -4px 4px 0; background: none; border: 0; }
.time.in { align-self: flex-end; }
.time.out { align-self: flex-start; }
.bubble.failed { opacity: .6; }
.typing { align-self: flex-start; color: #868e96; font-size: 12px; font-style: italic; margin: 0 4px; }
.bubble a.link { color: inherit; text-decoration: underline; overflow-wrap: anywhere; }
.retry { align-self: flex-end; border: 0; background: none; color: #e03131; font-size: 12px; cursor: pointer; margin-top: -8px; min-height: 44px; padding: 0 4px; }
.unread:empty { display: none; }
.unread { position: absolute; top: -2px; right: -2px; min-width: 20px; height: 20px; padding: 0 5px; box-sizing: border-box; border-radius: 10px;
  background: #fa5252; color: #fff; font-size: 12px; font-weight: 700; line-height: 20px; text-align: center; }
form { display: flex; border-top: 1px solid #e9ecef; background: #fff; }
form:focus-within { border-top-color: var(--zy-accent); }
/* 16 px: iOS Safari zooms the page into any smaller field when it takes the focus. */
input { flex: 1; min-width: 0; border: 0; padding: 12px; font-size: 16px; outline: none; background: #fff; color: #212529; }
button.send { border: 0; background: none; color: color-mix(in srgb, var(--zy-accent) 80%, #000); font-size: 14px; font-weight: 600; min-width: 44px; min-height: 44px; padding: 0 14px; cursor: pointer; }
/* A phone: the open chat takes the screen (a box beside the page leaves neither readable), its height
   the part the on-screen keyboard leaves (--zy-vh, from visualViewport), so the field stays in view;
   the launcher gives way while it is open (the header's × closes). */
@media (max-width: 600px), (max-height: 500px) {
  .panel { left: 0; right: 0; top: var(--zy-top, 0px); bottom: auto; width: 100%; max-width: none; height: var(--zy-vh, 100dvh); max-height: none; border-radius: 0; }
  .launcher.covered { display: none; }
}
`;
