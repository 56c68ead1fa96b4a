// Shared by the server's schemas and the dashboard's length hints (a client module may import it: no server code).
export const NAME_MAX_LENGTH = 80;
export const ENVIRONMENT_MAX_LENGTH = 30;
