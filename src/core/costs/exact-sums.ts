/**
 * Exact sums of integer products in slots, kept in plain numbers while they stay below 2^53 and
 * spilled into a bigint beyond. The sweeps add one product per slice piece and bucket; doing that
 * in bigint allocates on every step, and at 50,000 slices the garbage collector would cost more
 * than the arithmetic.
 */
export class ExactSums {
  private readonly small: Float64Array;
  private big: bigint[] | undefined;

  constructor(readonly length: number) {
    this.small = new Float64Array(length);
  }

  /** Adds a x b to slot i; a and b are non-negative integers, `bigA` is a as a bigint. */
  addProduct(i: number, a: number, b: number, bigA: bigint): void {
    const product = a * b;
    // Integer operands whose float product or sum is <= 2^53 - 1 were computed exactly.
    if (product <= Number.MAX_SAFE_INTEGER) {
      const sum = this.small[i]! + product;
      if (sum <= Number.MAX_SAFE_INTEGER) {
        this.small[i] = sum;
        return;
      }
      // Move the full number into the bigint and start afresh, so spills stay rare.
      this.big ??= new Array<bigint>(this.length).fill(0n);
      this.big[i]! += BigInt(this.small[i]!);
      this.small[i] = product;
      return;
    }
    this.big ??= new Array<bigint>(this.length).fill(0n);
    this.big[i]! += bigA * BigInt(b);
  }

  get(i: number): bigint {
    const small = BigInt(this.small[i]!);
    return this.big ? this.big[i]! + small : small;
  }

  isZero(i: number): boolean {
    return this.small[i] === 0 && (!this.big || this.big[i] === 0n);
  }
}
