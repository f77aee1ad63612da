import { mkdir, readdir, readFile, rm, appendFile } from "node:fs/promises";
import { join } from "node:path";
import type { SampleIn } from "@/core/agent/contract";
import { acknowledge, nextBatch, trimQueue } from "@/core/agent/spool-queue";

/** Samples per segment file; acknowledged segments are deleted whole, so the disk work stays small. */
const SEGMENT_SAMPLES = 360;

interface Segment {
  file: string;
  firstSeq: number;
  lastSeq: number;
  count: number;
}

/**
 * Samples waiting for the portal, on disk (JSON lines in segment files named after their first
 * sequence number) and in memory. Nothing is forgotten before the portal acknowledged it, except
 * by the bound of about seven days.
 */
export class Spool {
  private queue: (SampleIn & { atMs: number })[] = [];
  private segments: Segment[] = [];

  constructor(private readonly dir: string) {}

  get size() {
    return this.queue.length;
  }

  get lastSeq(): number {
    return this.queue.at(-1)?.seq ?? 0;
  }

  /** Loads what a previous run left; a torn last line (a crash mid-write) is skipped. */
  async load(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const files = (await readdir(this.dir)).filter((f) => /^\d+\.jsonl$/.test(f)).sort((a, b) => parseInt(a) - parseInt(b));
    const seen = new Set<number>();
    for (const file of files) {
      const lines = (await readFile(join(this.dir, file), "utf8")).split("\n");
      const segment: Segment = { file, firstSeq: parseInt(file), lastSeq: 0, count: 0 };
      for (const line of lines) {
        if (!line) continue;
        try {
          const sample = JSON.parse(line) as SampleIn;
          if (seen.has(sample.seq)) continue;
          seen.add(sample.seq);
          this.queue.push({ ...sample, atMs: Date.parse(sample.at) });
          segment.lastSeq = Math.max(segment.lastSeq, sample.seq);
          segment.count++;
        } catch {
          continue;
        }
      }
      this.segments.push(segment);
    }
    this.queue.sort((a, b) => a.seq - b.seq);
  }

  async add(sample: SampleIn): Promise<void> {
    let segment = this.segments.at(-1);
    if (!segment || segment.count >= SEGMENT_SAMPLES) {
      segment = { file: `${sample.seq}.jsonl`, firstSeq: sample.seq, lastSeq: sample.seq, count: 0 };
      this.segments.push(segment);
    }
    await appendFile(join(this.dir, segment.file), `${JSON.stringify(sample)}\n`, { mode: 0o600 });
    segment.lastSeq = sample.seq;
    segment.count++;
    this.queue.push({ ...sample, atMs: Date.parse(sample.at) });
  }

  batch(max: number): SampleIn[] {
    return nextBatch(this.queue, max).map(({ atMs: _atMs, ...sample }) => sample);
  }

  async acknowledge(lastSeq: number): Promise<void> {
    this.queue = acknowledge(this.queue, lastSeq);
    await this.dropSegmentsThrough(lastSeq);
  }

  /** Applies the age and size bound; returns how many samples were given up. */
  async trim(now: Date): Promise<number> {
    const { kept, dropped } = trimQueue(this.queue, now.getTime());
    if (dropped === 0) return 0;
    this.queue = kept;
    await this.dropSegmentsThrough((kept[0]?.seq ?? Number.MAX_SAFE_INTEGER) - 1);
    return dropped;
  }

  private async dropSegmentsThrough(seq: number) {
    const done = this.segments.filter((s) => s.lastSeq <= seq && s !== this.segments.at(-1));
    const current = this.segments.at(-1);
    if (current && current.lastSeq <= seq) done.push(current);
    for (const s of done) await rm(join(this.dir, s.file), { force: true });
    this.segments = this.segments.filter((s) => !done.includes(s));
  }
}
