"use client";

import { Button } from "@/components/button";
import { CopyButton } from "@/components/copy-button";
import { Dialog } from "@/components/dialog";
import type { ChannelReveal } from "@/lib/channels/kinds/channel-kind";

/** What a new channel's kind made for its creator (a signing secret): shown here once, never again. */
export function RevealDialog({ reveal, onClose }: { reveal: ChannelReveal; onClose: () => void }) {
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Copy the ${reveal.title.toLowerCase()} now`}
      description="It is not shown again: Hookbell keeps it encrypted and shows only its last characters."
    >
      <div className="space-y-3" data-testid="channel-reveal">
        <p className="text-sm font-medium">{reveal.title}</p>
        <div className="flex items-center gap-2">
          <code className="min-w-0 flex-1 break-all rounded-md bg-slate-100 px-3 py-2 text-xs">{reveal.value}</code>
          <CopyButton value={reveal.value} label={`Copy the ${reveal.title.toLowerCase()}`} />
        </div>
        <p className="text-sm text-slate-600">{reveal.note}</p>
        <div className="flex justify-end border-t border-slate-200 pt-4">
          <Button onClick={onClose}>I have copied it</Button>
        </div>
      </div>
    </Dialog>
  );
}
