"use client";

import { Toaster as Sonner } from "sonner";

/** Where "saved" confirmations appear: bottom right, announced politely to screen readers. */
export function Toaster() {
  return <Sonner position="bottom-right" theme="system" closeButton duration={5000} />;
}
