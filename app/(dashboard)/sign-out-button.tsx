"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/button";

// next-auth's sign-out deletes this browser's Session row on the server (authOptions.events.signOut).
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/signin" }).catch(() => setPending(false));
      }}
    >
      Sign out
    </Button>
  );
}
