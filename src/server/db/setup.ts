import type { SetupCounts } from "@/core/identity/setup-checklist";
import type { Db } from "./tx";

export async function countSetup(client: Db): Promise<SetupCounts> {
  const [gpuModels, gpuModelsWithoutCloudPrice, machines, quotaPolicies, users, slices] = await Promise.all([
    client.gpuModel.count(),
    client.gpuModel.count({ where: { cloudSku: null } }),
    client.machine.count(),
    client.quotaPolicy.count(),
    client.user.count({ where: { active: true } }),
    // One row is enough to know the portal is in use; counting years of history is not needed.
    client.slice.findFirst({ select: { id: true } }).then((row) => (row ? 1 : 0)),
  ]);
  return { gpuModels, gpuModelsWithoutCloudPrice, machines, quotaPolicies, users, slices };
}
