import { AppError } from "@/core/errors";
import { api, type Get, type Post } from "./remote";

/** `rigshare agent-code --machine NAME`: a one-time enrollment code for the machine's agent, with the command to run there. */
export async function agentCodeCommand(machineName: string): Promise<void> {
  const machines = await api<Get<"/machines">>("GET", "/machines");
  const machine = machines.find((m) => m.name === machineName.toLowerCase() || m.id === machineName);
  if (!machine) throw new AppError("NOT_FOUND", `There is no machine ${machineName}; machines: ${machines.map((m) => m.name).join(", ")}.`, { field: "machine" });
  const created = await api<Post<"/machines/{machineId}/agent-code">>("POST", `/machines/${machine.id}/agent-code`);
  console.log(`Enrollment code for ${created.machineName}: ${created.code} (valid until ${created.expiresAt.slice(0, 16).replace("T", " ")} UTC, once).`);
  console.log(`On ${created.machineName}, as root:\n  node /opt/rigshare/rigshare-agent.mjs enroll --portal ${process.env.RIGSHARE_URL} --code ${created.code}`);
}
