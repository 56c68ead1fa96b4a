import type { Db } from "../db/client";
import { newId } from "../ids";
import { fromAlertTemplate } from "../templates/alert-template";
import type { TemplateChange } from "./channel-input";

type TemplateTx = Pick<Db, "channelTemplate">;

/** Saves each change as the row of its event type (replacing that row only) and deletes the reset ones. */
export async function writeTemplates(
  tx: TemplateTx,
  channel: { id: string; projectId: string },
  changes: TemplateChange[],
  resets: string[] = [],
): Promise<void> {
  if (resets.length > 0) {
    await tx.channelTemplate.deleteMany({
      where: { channelId: channel.id, projectId: channel.projectId, eventType: { in: resets } },
    });
  }
  for (const change of changes) {
    const columns = { presetId: change.presetId, ...fromAlertTemplate(change.template) };
    await tx.channelTemplate.upsert({
      where: { channelId_eventType: { channelId: channel.id, eventType: change.eventType } },
      create: {
        id: newId("tpl"),
        channelId: channel.id,
        projectId: channel.projectId,
        eventType: change.eventType,
        ...columns,
      },
      update: columns,
    });
  }
}
