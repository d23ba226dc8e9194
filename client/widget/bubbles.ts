// How one message looks in the log: a bubble of text with its links, or an attachment.
import { splitLinks } from '../src/shared/links';
import { el } from './dom';

const PAPERCLIP =
  '<svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M21.4 11.1l-9.2 9.2a6 6 0 0 1-8.5-8.5l9.2-9.2a4 4 0 0 1 5.7 5.7l-9.2 9.2a2 2 0 0 1-2.8-2.8l8.5-8.5"/></svg>';

export type Media = { kind: 'image' | 'video' | 'audio' | 'document'; url: string; filename?: string };

/** An attachment as the visitor sees it: the image itself, a player, or a link with the file's name. */
export function mediaNode(media: Media, fileLabel: string): HTMLElement {
  if (media.kind === 'image') {
    const link = Object.assign(el('a', 'media'), { href: media.url, target: '_blank', rel: 'noopener' });
    link.append(Object.assign(document.createElement('img'), { src: media.url, alt: media.filename ?? '', loading: 'lazy' }));
    return link;
  }
  if (media.kind === 'video' || media.kind === 'audio') {
    return Object.assign(el(media.kind, 'media'), { src: media.url, controls: true, preload: 'metadata' });
  }
  const link = Object.assign(el('a', 'media file'), { href: media.url, target: '_blank', rel: 'noopener' });
  // A paperclip drawn inline (emoji fonts are not everywhere), then the file's name.
  link.innerHTML = PAPERCLIP;
  link.append(media.filename || fileLabel);
  return link;
}

/** A message's bubble: its text, with web addresses and e-mails as links that open a new tab. */
export function bubbleNode(cls: string, text: string): HTMLElement {
  const node = el('div', cls);
  for (const part of splitLinks(text)) {
    node.append(part.href ? Object.assign(el('a', 'link', part.text), { href: part.href, target: '_blank', rel: 'noopener noreferrer nofollow' }) : part.text);
  }
  return node;
}
