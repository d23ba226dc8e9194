import { createTheme } from '@mantine/core';

// Teal sits close to WhatsApp's green without pretending to be WhatsApp.
export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
});
