"use client";

import * as RadixSwitch from "@radix-ui/react-switch";

/** An on/off switch (Radix: role="switch", aria-checked, Space/Enter to toggle). */
export function Switch({
  checked,
  onCheckedChange,
  labelledBy,
  disabled,
}: {
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  labelledBy: string;
  disabled?: boolean;
}) {
  return (
    <RadixSwitch.Root
      checked={checked}
      onCheckedChange={onCheckedChange}
      aria-labelledby={labelledBy}
      disabled={disabled}
      className="relative inline-flex h-6 w-11 shrink-0 items-center rounded-full bg-slate-300 transition data-[state=checked]:bg-brand-600 disabled:opacity-60"
    >
      <RadixSwitch.Thumb className="inline-block h-5 w-5 translate-x-0.5 rounded-full bg-white shadow transition data-[state=checked]:translate-x-5" />
    </RadixSwitch.Root>
  );
}
