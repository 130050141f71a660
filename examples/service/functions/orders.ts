/** The order fulfilment's Lambda functions (examples/service). Stand-ins for real services. */
export interface Order {
  orderId: string;
  customerId: string;
  items: { sku: string; quantity: number }[];
  total: number;
}

class PaymentDeclined extends Error {
  override name = 'PaymentDeclined';
}

export async function reserveStock(order: Order): Promise<{ reservationId: string; items: number }> {
  const items = order.items.reduce((sum, item) => sum + item.quantity, 0);
  return { reservationId: `res-${order.orderId}`, items };
}

export async function chargePayment(order: Order): Promise<{ chargeId: string }> {
  if (order.total > 1000) throw new PaymentDeclined(`A charge of ${order.total} needs a manual review`);
  return { chargeId: `ch-${order.orderId}` };
}

export async function releaseStock(
  order: Order & { reservation?: { reservationId: string } },
): Promise<{ released: string | null }> {
  return { released: order.reservation?.reservationId ?? null };
}
