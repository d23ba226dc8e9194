import { createTheme, Input, PasswordInput } from '@mantine/core';
import inputClasses from './input.module.css';

/** Words the theme gives components by default, in the interface's language. */
export type ThemeTexts = { togglePassword: string };

// Teal sits close to WhatsApp's green without pretending to be WhatsApp. Built per language: a
// password input's show/hide button is named for screen readers in the words of the interface.
export const themeFor = (texts: ThemeTexts) =>
  createTheme({
    primaryColor: 'teal',
    defaultRadius: 'md',
    fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    components: {
      Input: Input.extend({ classNames: { input: inputClasses.input } }),
      PasswordInput: PasswordInput.extend({ defaultProps: { visibilityToggleButtonProps: { 'aria-label': texts.togglePassword } } }),
    },
  });
