import type { approvalQueue, schedule } from "@/server/services/slices/queries";
import type { SliceView } from "@/server/services/slices/views";

/** What the pages receive from the slices router (types only: nothing server-side reaches the browser). */
export type ScheduleData = Awaited<ReturnType<typeof schedule>>;
export type ScheduleMachine = ScheduleData["machines"][number];
export type ScheduleHold = ScheduleMachine["holds"][number];
export type SchedulePending = ScheduleMachine["pending"][number];
export type QueueData = Awaited<ReturnType<typeof approvalQueue>>;
export type QueueRequest = QueueData["requests"][number];
export type QueueExtension = QueueData["extensions"][number];
export type { SliceView };
