/** Who is acting and on which project. Every tenant query filters by `projectId`. */
export type Tenant = {
  userId: string;
  projectId: string;
  /** Set when the request came with an API key: the audit log names the key beside its creator. */
  apiKey?: { name: string; displayPrefix: string };
};
