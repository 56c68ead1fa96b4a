import type { Db } from "../db/client";
import { getKeyRing } from "./key-ring";
import { channelSecretConfigField, slackUrlField, webhookSecretField } from "./sealed-fields";
import { open, seal, sealedKeyId } from "./secret-box";

/**
 * Seals every secret column with the current key: plain values left from before encryption, and values
 * sealed with an older key (after `npm run rotate-key`). Each row is rewritten only if it still holds
 * the value read, so a secret saved meanwhile is never overwritten. Returns how many values changed.
 */
export async function resealSecrets(db: Db): Promise<number> {
  const { currentId } = getKeyRing();
  const isStale = (value: string | null) => value !== null && sealedKeyId(value) !== currentId;
  let changed = 0;

  const webhooks = await db.webhook.findMany({
    select: { id: true, signingSecret: true, previousSigningSecret: true },
  });
  for (const row of webhooks) {
    for (const column of ["signingSecret", "previousSigningSecret"] as const) {
      const value = row[column];
      if (value === null || !isStale(value)) continue;
      const field = webhookSecretField(row.id, column);
      const { count } = await db.webhook.updateMany({
        where: { id: row.id, [column]: value },
        data: { [column]: seal(open(value, field), field) },
      });
      changed += count;
    }
  }

  const channels = await db.channel.findMany({
    where: { slackUrl: { not: null } },
    select: { id: true, slackUrl: true },
  });
  for (const row of channels) {
    if (!isStale(row.slackUrl)) continue;
    const field = slackUrlField(row.id);
    const value = row.slackUrl as string;
    const { count } = await db.channel.updateMany({
      where: { id: row.id, slackUrl: value },
      data: { slackUrl: seal(open(value, field), field) },
    });
    changed += count;
  }

  const configured = await db.channel.findMany({
    where: { secretConfig: { not: null } },
    select: { id: true, secretConfig: true },
  });
  for (const row of configured) {
    if (!isStale(row.secretConfig)) continue;
    const field = channelSecretConfigField(row.id);
    const value = row.secretConfig as string;
    const { count } = await db.channel.updateMany({
      where: { id: row.id, secretConfig: value },
      data: { secretConfig: seal(open(value, field), field) },
    });
    changed += count;
  }
  return changed;
}
