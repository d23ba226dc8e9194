import { createTheme, Drawer, Input, Modal, PasswordInput, Select, Tooltip } from '@mantine/core';
import inputClasses from './input.module.css';

/** Words the theme gives components by default, in the interface's language. */
export type ThemeTexts = { togglePassword: string; closeDialog: string };

// Teal sits close to WhatsApp's green without pretending to be WhatsApp. Built per language: a
// password input's show/hide button and a dialog's × are named for screen readers in the words of
// the interface.
// `canHover`: false on a screen worked by touch, where no mouse rests over a button. A tooltip
// there opened when a tap came as mouse events (as touch emulation sends it) and stayed over the
// page until the next tap elsewhere; so on touch every tooltip stays shut: the buttons it names
// carry words or an accessible name of their own.
export const themeFor = (texts: ThemeTexts, canHover = true) =>
  createTheme({
    primaryColor: 'teal',
    defaultRadius: 'md',
    fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    components: {
      Input: Input.extend({ classNames: { input: inputClasses.input } }),
      PasswordInput: PasswordInput.extend({ defaultProps: { visibilityToggleButtonProps: { 'aria-label': texts.togglePassword } } }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': texts.closeDialog } } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': texts.closeDialog } } }),
      // Picking the option already chosen keeps it: Mantine's default deselects it, which emptied a
      // flow's "save the answer in" or a campaign's saved filter without a word. A select that may be
      // emptied says so with `clearable` (its ×).
      Select: Select.extend({ defaultProps: { allowDeselect: false } }),
      Tooltip: Tooltip.extend({ defaultProps: { events: { hover: canHover, focus: false, touch: false } } }),
    },
  });
