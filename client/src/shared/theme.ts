import { createTheme, Input } from '@mantine/core';
import inputClasses from './input.module.css';

// Teal sits close to WhatsApp's green without pretending to be WhatsApp.
export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  components: {
    Input: Input.extend({ classNames: { input: inputClasses.input } }),
  },
});
