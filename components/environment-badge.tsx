import { Badge } from "./badge";

/** Production in calm grey, anything else in amber, so test traffic stands out wherever it appears. */
export function EnvironmentBadge({ environment }: { environment: string }) {
  return (
    <span data-testid="environment">
      <Badge tone={environment === "production" ? "gray" : "amber"}>{environment}</Badge>
    </span>
  );
}
