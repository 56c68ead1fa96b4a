/**
 * A Slack channel as Slack writes it, with one "#". People type the name as they see it in Slack
 * ("#alerts"); new names are stored without the "#" (channel-input.ts), older rows may still carry it.
 */
export function formatSlackChannel(name: string): string {
  return `#${stripChannelHash(name)}`;
}

export function stripChannelHash(name: string): string {
  return name.replace(/^[#\s]+/, "");
}
