import { Badge } from "./badge";

/**
 * Production in calm grey, anything else in amber, so test traffic stands out wherever it appears.
 * A long label stays on one line, cut with an ellipsis; the full label is on hover.
 */
export function EnvironmentBadge({ environment }: { environment: string }) {
  return (
    <span data-testid="environment" title={environment} className="inline-flex max-w-full align-middle">
      <Badge tone={environment === "production" ? "gray" : "amber"} className="max-w-[9rem]">
        <span className="truncate">{environment}</span>
      </Badge>
    </span>
  );
}
