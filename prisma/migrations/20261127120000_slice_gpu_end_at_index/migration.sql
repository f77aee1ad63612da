-- "Which holds of these GPUs have not ended by T?" (the inventory's status lines, the schedule,
-- every capacity check) filters on end_at; without this index each such query read every hold.
CREATE INDEX "slice_gpu_gpu_id_end_at_idx" ON "slice_gpu"("gpu_id", "end_at");
