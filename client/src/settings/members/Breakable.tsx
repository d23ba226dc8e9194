import { Fragment } from 'react';

/**
 * An email (or a name) that may wrap where a reader expects it: after "@" and before each dot, so a
 * narrow cell shows "bruno.lima@" over "doceria.com.br" rather than cutting it to "bruno.li…".
 * A word longer than the cell still breaks (the caller's `overflow-wrap: anywhere`).
 */
export function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=@)|(?=\.)/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}
