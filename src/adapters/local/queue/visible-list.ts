/**
 * The messages that can be received now, oldest first. A deque (head index, compacted now
 * and then) because 10,000 queued messages must not cost a quadratic `Array.shift`.
 */
export class VisibleList<T> {
  private items: T[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** Removes the item `offset` places from the oldest (0: the oldest itself). */
  take(offset = 0): T | undefined {
    if (offset < 0 || offset >= this.size) return undefined;
    const index = this.head + offset;
    // The oldest item moves into the taken item's slot: an out-of-order take (chaos) costs
    // O(1) and leaves the rest in order.
    const item = this.items[index];
    this.items[index] = this.items[this.head];
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}
