/** Who is acting and on which project. Every tenant query filters by `projectId`. */
export type Tenant = {
  userId: string;
  projectId: string;
};
