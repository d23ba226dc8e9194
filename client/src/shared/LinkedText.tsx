import { Anchor } from '@mantine/core';
import { splitLinks } from './links';

/** Text whose web addresses and e-mails open (in a new tab), the rest as written. */
export function LinkedText({ text }: { text: string }) {
  return splitLinks(text).map((part, i) =>
    part.href ? (
      <Anchor key={i} href={part.href} target="_blank" rel="noopener noreferrer nofollow" inherit underline="always" style={{ overflowWrap: 'anywhere' }}>
        {part.text}
      </Anchor>
    ) : (
      part.text
    ),
  );
}
