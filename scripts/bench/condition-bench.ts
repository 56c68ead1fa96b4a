import { conditionDocumentSchema } from "../../lib/conditions/condition";
import { evaluateCondition } from "../../lib/conditions/evaluate-condition";
import { sampleClerkEvent } from "../../lib/senders/clerk/clerk-samples";

// `npm run bench -- --conditions`: what one channel's condition costs on the ingest thread. A five-rule
// condition on a ~240 KB Clerk user.created whose 400 e-mail addresses put the wanted one last (the
// worst case for "some element matches"), beside what parsing that body costs anyway.

const DOCUMENT = conditionDocumentSchema.parse({
  type: { $in: ["user.created", "user.updated"] },
  data: {
    email_addresses: { email_address: { $endsWith: "@acme.com" } },
    public_metadata: { members: { $gt: 10 } },
    first_name: { $exist: true },
    last_name: { $neq: "Test" },
  },
});

function bigUserCreated(lastAddress: string): Record<string, unknown> {
  const event = sampleClerkEvent("user.created");
  const data = event.data as Record<string, unknown> & { email_addresses: Record<string, unknown>[] };
  const [address] = data.email_addresses;
  data.email_addresses = Array.from({ length: 400 }, (_, i) => ({
    ...address,
    id: `idn_${i}`,
    email_address: i === 399 ? lastAddress : `person${i}@example.com`,
  }));
  data.public_metadata = { members: 12, notes: "n".repeat(60_000) };
  data.private_metadata = { blob: "b".repeat(60_000) };
  return event;
}

function microsPerCall(run: () => unknown, iterations: number): number {
  for (let i = 0; i < Math.min(iterations, 200); i++) run();
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) run();
  return Number(process.hrtime.bigint() - started) / 1000 / iterations;
}

export function runConditionBench(log: (line: string) => void): string {
  const matching = bigUserCreated("ada@acme.com");
  const body = JSON.stringify(matching);
  const failing = bigUserCreated("ada@example.com");
  const session = { ...sampleClerkEvent("session.created") };
  const check = [evaluateCondition(DOCUMENT, matching), evaluateCondition(DOCUMENT, failing)];
  if (!check[0].matches || check[1].matches) throw new Error("the bench condition does not behave as intended");
  log(`Conditions: a five-rule condition on a ${(body.length / 1024).toFixed(0)} KiB Clerk event…`);
  const rows: [string, number][] = [
    ["matches (the wanted address is the 400th)", microsPerCall(() => evaluateCondition(DOCUMENT, matching), 20_000)],
    [
      "no match, with its reason (no address at the domain)",
      microsPerCall(() => evaluateCondition(DOCUMENT, failing), 20_000),
    ],
    [
      "no match on the event type (session.created)",
      microsPerCall(() => evaluateCondition(DOCUMENT, session), 200_000),
    ],
    ["for scale: JSON.parse of the same body", microsPerCall(() => JSON.parse(body), 200)],
  ];
  return rows.map(([what, micros]) => `${what.padEnd(56)} ${micros.toFixed(2).padStart(9)} µs`).join("\n");
}
