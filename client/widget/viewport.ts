// On a phone the open chat takes the whole screen and follows the on-screen keyboard.

/** Where the widget takes the whole screen, a phone held either way (styles.ts uses the same query). */
const PHONE = '(max-width: 600px), (max-height: 500px)';

export const isPhone = () => window.matchMedia(PHONE).matches;

/** The open chat's height follows the part of the screen the keyboard leaves (--zy-vh, --zy-top in styles.ts). */
export function followViewport(host: HTMLElement) {
  const fit = () => {
    const vv = window.visualViewport;
    if (!vv) return;
    host.style.setProperty('--zy-vh', `${vv.height}px`);
    host.style.setProperty('--zy-top', `${vv.offsetTop}px`);
  };
  fit();
  window.visualViewport?.addEventListener('resize', fit);
  window.visualViewport?.addEventListener('scroll', fit);
}
