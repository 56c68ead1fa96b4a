import type { EventGroup } from "../sender";

// Linear's webhook events, grouped as the "Data change events" of a webhook's settings in Linear (Settings →
// API → Webhooks). A type is the body's `type` and `action` ("Issue.update"); `type` names the entity as
// Linear's GraphQL schema does (LinearWebhookEventType in @linear/sdk's webhooks export).

function crud(type: string, noun: string): { type: string; description: string }[] {
  return [
    { type: `${type}.create`, description: `A ${noun} was created` },
    { type: `${type}.update`, description: `A ${noun} was updated` },
    { type: `${type}.remove`, description: `A ${noun} was removed` },
  ];
}

export const LINEAR_EVENT_GROUPS: readonly EventGroup[] = [
  { id: "Issue", name: "Issues", types: crud("Issue", "issue") },
  { id: "Attachment", name: "Issue attachments", types: crud("Attachment", "issue attachment") },
  { id: "Comment", name: "Comments", types: crud("Comment", "comment") },
  {
    id: "Reaction",
    name: "Emoji reactions",
    types: [
      { type: "Reaction.create", description: "Someone reacted with an emoji" },
      { type: "Reaction.remove", description: "An emoji reaction was removed" },
    ],
  },
  { id: "IssueLabel", name: "Issue labels", types: crud("IssueLabel", "label") },
  {
    id: "IssueSLA",
    name: "Issue SLAs",
    types: [
      { type: "IssueSLA.set", description: "An SLA was set on an issue" },
      { type: "IssueSLA.highRisk", description: "An issue's SLA is at high risk of being breached" },
      { type: "IssueSLA.breached", description: "An issue's SLA was breached" },
    ],
  },
  { id: "Project", name: "Projects", types: crud("Project", "project") },
  { id: "ProjectUpdate", name: "Project updates", types: crud("ProjectUpdate", "project update") },
  { id: "Document", name: "Documents", types: crud("Document", "document") },
  { id: "Initiative", name: "Initiatives", types: crud("Initiative", "initiative") },
  { id: "InitiativeUpdate", name: "Initiative updates", types: crud("InitiativeUpdate", "initiative update") },
  { id: "Cycle", name: "Cycles", types: crud("Cycle", "cycle") },
  { id: "Customer", name: "Customers", types: crud("Customer", "customer") },
  { id: "CustomerNeed", name: "Customer requests", types: crud("CustomerNeed", "customer request") },
  {
    id: "User",
    name: "Users",
    types: [
      { type: "User.create", description: "A user joined the workspace" },
      { type: "User.update", description: "A user's profile or role changed" },
    ],
  },
  {
    id: "other",
    name: "Workspace",
    types: [
      { type: "AuditEntry.create", description: "An audit log entry was recorded" },
      { type: "OAuthApp.revoked", description: "An OAuth application's access was revoked" },
    ],
  },
];
