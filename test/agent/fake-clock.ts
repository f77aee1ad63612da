import type { Clock } from "@/agent/clock";

/** Virtual time: sleeping moves the clock at once, and the run stops when time reaches `until`. */
export class FakeClock implements Clock {
  private ms: number;
  readonly stop = new AbortController();
  until = Number.POSITIVE_INFINITY;

  constructor(start: Date) {
    this.ms = start.getTime();
  }

  now = () => new Date(this.ms);

  async sleep(ms: number) {
    this.ms += ms;
    if (this.ms >= this.until) this.stop.abort();
  }

  /** Lets the loop run until `at` (exclusive of anything due later). */
  runUntil(at: Date) {
    this.until = at.getTime();
  }
}
