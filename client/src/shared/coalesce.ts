// Many changes, few reads: a burst of events (a sync announcing 200 templates) becomes one call of
// `run`, made `delayMs` after the burst's first event; what arrives while that call runs causes one
// more once it ends, so the last change is never missed and calls never overlap.
export type Coalescer = { poke(): void; cancel(): void };

export function coalesce(run: () => Promise<unknown>, delayMs: number): Coalescer {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let again = false;
  let cancelled = false;

  const fire = () => {
    timer = null;
    running = true;
    void run().catch(() => undefined).finally(() => {
      running = false;
      if (again && !cancelled) {
        again = false;
        poke();
      }
    });
  };
  function poke(): void {
    if (cancelled) return;
    if (running) again = true;
    else timer ??= setTimeout(fire, delayMs);
  }
  return {
    poke,
    cancel() {
      cancelled = true;
      if (timer) clearTimeout(timer);
    },
  };
}
