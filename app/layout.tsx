import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Toaster } from "@/components/toaster";
import "./globals.css";

// Every page is rendered per request: the front end gives each response its own script nonce
// (lib/server/set-script-nonce.ts), and a page prerendered at build time would carry none, so the
// policy would block its scripts.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Hookbell", template: "%s · Hookbell" },
  description: "Verified webhooks in, email and Slack alerts out.",
  icons: { icon: "/favicon.svg" },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        {children}
        <Toaster />
      </body>
    </html>
  );
}
