"use client";

import { useEffect } from "react";

const GUARD = "hookbellLeaveGuard";

/**
 * While `hasUnsavedChanges`, leaving asks first: reloading, closing the tab or following a full-page link
 * get the browser's own prompt (beforeunload), and Back gets `message`. Next's router handles Back itself
 * (popstate, no beforeunload), so a copy of the current history entry is pushed to take that press; a
 * yes goes back for real, a no puts the copy back.
 */
export function useLeaveWarning(hasUnsavedChanges: boolean, message: string): void {
  useEffect(() => {
    if (!hasUnsavedChanges) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium shows the prompt only when returnValue is set.
      event.returnValue = "";
    };
    const pushGuard = () =>
      window.history.pushState({ ...window.history.state, [GUARD]: true }, "", window.location.href);
    let isGuarded = true;
    const onBack = () => {
      if (!isGuarded) return;
      isGuarded = false;
      if (window.confirm(message)) {
        window.removeEventListener("popstate", onBack);
        window.history.back();
      } else {
        pushGuard();
        isGuarded = true;
      }
    };
    window.addEventListener("beforeunload", warn);
    window.addEventListener("popstate", onBack);
    pushGuard();
    return () => {
      window.removeEventListener("beforeunload", warn);
      window.removeEventListener("popstate", onBack);
      // Saved or discarded here: take the copy off again, so the next Back leaves at the first press.
      if (isGuarded && window.history.state?.[GUARD]) window.history.back();
    };
  }, [hasUnsavedChanges, message]);
}
