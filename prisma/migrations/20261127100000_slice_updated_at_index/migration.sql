-- CreateIndex
CREATE INDEX "slice_updated_at_idx" ON "slice"("updated_at");
