// The editor's phone layout (below Mantine's `sm`, as the panels' CSS): the palette becomes a
// button and a sheet, and a side panel covers the canvas instead of standing beside it.
import { useMediaQuery } from '@mantine/hooks';

export const PHONE_QUERY = '(max-width: 48em)';

export const usePhoneLayout = (): boolean => useMediaQuery(PHONE_QUERY, false, { getInitialValueInEffect: false });
