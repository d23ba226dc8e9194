// After "Add keyword / button / option / rule", the new row's input takes the focus, so the
// person can type straight away. The row renders after the store update, hence the frame wait.
export function focusNewRow(container: HTMLElement | null, selector: string): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const inputs = container?.querySelectorAll<HTMLElement>(selector);
      inputs?.[inputs.length - 1]?.focus();
    }),
  );
}
