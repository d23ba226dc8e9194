// "Is the window narrower than this Mantine breakpoint?", read on the first render so a phone
// never paints the desktop layout first. `xs` (36em) is a phone held upright; `sm` (48em), where
// side panels stop fitting beside the page; `md` (62em), a tablet, where they fit only narrowed.
import { useMediaQuery } from '@mantine/hooks';

const BREAKPOINTS = { xs: '36em', sm: '48em', md: '62em' } as const;

export const useBelow = (size: keyof typeof BREAKPOINTS): boolean =>
  useMediaQuery(`(max-width: ${BREAKPOINTS[size]})`, false, { getInitialValueInEffect: false });
