"use client";

import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { inputClass } from "@/components/field";
import { SenderLogo } from "@/components/sender-logo";
import type { SenderDescription } from "@/lib/senders/describe-sender";
import { matchSender } from "@/lib/senders/match-sender";
import { SENDER_CATEGORIES } from "@/lib/senders/sender-categories";

type Props = { senders: SenderDescription[]; onPick: (id: string) => void };

/**
 * Type to filter by name, id, keyword or category; the matches are buttons grouped by category. ArrowDown
 * from the search moves into the list, arrows move within it, Enter in the search picks the first match.
 */
export function SenderPicker({ senders, onPick }: Props) {
  const [query, setQuery] = useState("");
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => search.current?.focus(), []);

  const matches = senders.filter((sender) => matchSender(sender, query));
  const groups = SENDER_CATEGORIES.map((category) => ({
    ...category,
    senders: matches.filter((sender) => sender.category === category.id),
  })).filter((group) => group.senders.length > 0);

  const options = () => [...(list.current?.querySelectorAll<HTMLButtonElement>("button[data-sender]") ?? [])];
  const moveFocus = (event: KeyboardEvent, step: number) => {
    const all = options();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const next = at + step;
    event.preventDefault();
    if (next < 0) search.current?.focus();
    else all[Math.min(next, all.length - 1)]?.focus();
  };

  return (
    <div className="mt-3 space-y-4">
      <div className="space-y-1.5">
        <label htmlFor="sender-search" className="block text-sm font-medium">
          Which application sends the events?
        </label>
        <input
          id="sender-search"
          ref={search}
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder="Search: Stripe, GitHub, payments…"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown") moveFocus(event, 1);
            if (event.key === "Enter") {
              event.preventDefault();
              if (matches[0]) onPick(matches[0].id);
            }
          }}
          aria-controls="sender-options"
          aria-describedby="sender-search-count"
          className={`${inputClass} max-w-md`}
        />
        <p id="sender-search-count" aria-live="polite" className="text-xs text-slate-500">
          {matches.length === senders.length
            ? `${senders.length} applications. Type to filter, or pick one below.`
            : `${matches.length} of ${senders.length} applications match.`}
        </p>
      </div>

      <div id="sender-options" ref={list} className="space-y-4">
        {groups.map((group) => (
          <section key={group.id} aria-labelledby={`sender-group-${group.id}`} data-testid="sender-group">
            <h3 id={`sender-group-${group.id}`} className="mb-2 text-xs font-semibold uppercase text-slate-500">
              {group.label}
            </h3>
            <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {group.senders.map((sender) => (
                <li key={sender.id}>
                  <button
                    type="button"
                    data-sender={sender.id}
                    onClick={() => onPick(sender.id)}
                    onKeyDown={(event) => {
                      if (event.key === "ArrowDown" || event.key === "ArrowRight") moveFocus(event, 1);
                      if (event.key === "ArrowUp" || event.key === "ArrowLeft") moveFocus(event, -1);
                    }}
                    className="flex w-full items-center gap-3 rounded-lg border border-slate-300 p-3 text-left hover:border-brand-500 hover:bg-brand-50 focus-visible:border-brand-500"
                  >
                    <SenderLogo id={sender.id} name={sender.name} generic={sender.category === "generic"} />
                    <span className="font-medium">{sender.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
        {matches.length === 0 ? (
          <p className="text-sm text-slate-600">
            No application matches “{query}”.{" "}
            <button type="button" className="text-brand-700 hover:underline" onClick={() => setQuery("")}>
              Show all
            </button>
          </p>
        ) : null}
      </div>
    </div>
  );
}
