/** Timers ordered by due time, then by the order they were set (a binary heap). */
export interface Timer<T> {
  dueTime: number;
  order: number;
  value: T;
}

export class TimerQueue<T> {
  private heap: Timer<T>[] = [];
  private order = 0;

  get size(): number {
    return this.heap.length;
  }

  push(dueTime: number, value: T): void {
    this.heap.push({ dueTime, order: this.order++, value });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  peek(): Timer<T> | undefined {
    return this.heap[0];
  }

  pop(): Timer<T> | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (this.heap.length > 0 && last) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private siftDown(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.heap.length && this.before(left, smallest)) smallest = left;
      if (right < this.heap.length && this.before(right, smallest)) smallest = right;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }

  private before(a: number, b: number): boolean {
    const x = this.heap[a];
    const y = this.heap[b];
    return x.dueTime < y.dueTime || (x.dueTime === y.dueTime && x.order < y.order);
  }

  private swap(a: number, b: number): void {
    [this.heap[a], this.heap[b]] = [this.heap[b], this.heap[a]];
  }
}
