"use client";

import { useState } from "react";
import { Button } from "./button";

export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "manual">("idle");
  return (
    <Button
      variant="secondary"
      aria-label={`${label} to clipboard`}
      onClick={async () => {
        // The clipboard API exists only on https and localhost pages; elsewhere the user copies by hand.
        const copied = await navigator.clipboard?.writeText(value).then(
          () => true,
          () => false,
        );
        setState(copied ? "copied" : "manual");
        setTimeout(() => setState("idle"), 3000);
      }}
    >
      {state === "copied" ? "Copied" : state === "manual" ? "Press Ctrl+C" : label}
    </Button>
  );
}
