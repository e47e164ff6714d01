import { useLayoutEffect, useRef, useState } from "react";

/** A ref that always holds the value of the latest render: for callbacks created once that must read current state. */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}

type Callbacks = Record<string, (...args: never[]) => unknown>;

/**
 * Callbacks whose identity never changes but which always run the latest render's version, so an
 * element memoised on them (or an editor created once) is not rebuilt when they are.
 */
export function useStableCallbacks<T extends Callbacks>(callbacks: T): T {
  const latest = useLatest(callbacks);
  const [stable] = useState(() => {
    const forwarders: Record<string, (...args: never[]) => unknown> = {};
    for (const name of Object.keys(callbacks)) forwarders[name] = (...args) => latest.current[name]?.(...args);
    return forwarders as T;
  });
  return stable;
}
