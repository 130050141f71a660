/**
 * Coalesces concurrent calls into batched requests without a timer: the first call goes out at
 * once; calls made while `maxInFlight` requests are out wait and leave together in the next
 * one. A lone caller sees no added latency; a Lambda (or the local queue) handling a batch of
 * messages at once shares one BatchWriteItem among them.
 */
interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class Coalescer<T> {
  private waiting: Waiting<T>[] = [];
  private inFlight = 0;

  constructor(
    private readonly send: (items: T[]) => Promise<void>,
    private readonly maxBatch: number,
    private readonly maxInFlight = 2,
  ) {}

  /** Resolves once the requests that carried every one of `items` succeeded. */
  async submit(items: T[]): Promise<void> {
    const done = items.map(
      (item) => new Promise<void>((resolve, reject) => this.waiting.push({ item, resolve, reject })),
    );
    this.flush();
    await Promise.all(done);
  }

  private flush(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      this.inFlight++;
      this.send(batch.map((entry) => entry.item))
        .then(
          () => {
            for (const entry of batch) entry.resolve();
          },
          (error: unknown) => {
            for (const entry of batch) entry.reject(error);
          },
        )
        .finally(() => {
          this.inFlight--;
          this.flush();
        });
    }
  }
}
