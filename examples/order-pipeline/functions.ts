/**
 * Local Lambda handlers for the order pipeline. Each export is a function named as the
 * Task's Resource names it. `reserveStock` fails once per SKU with StockServiceBusy, to show
 * Retry at work; the SKU "SOLD-OUT" raises OutOfStock, which the Map's Catch routes.
 */
interface Line {
  sku: string;
  quantity: number;
  price: number;
}

class NamedError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export function validateOrder(order: { orderId?: string; items?: Line[] }) {
  if (!order.orderId || !Array.isArray(order.items) || order.items.length === 0) {
    throw new NamedError('InvalidOrder', 'An order needs an orderId and at least one item');
  }
  const total = order.items.reduce((sum, line) => sum + line.quantity * line.price, 0);
  return { valid: true, lines: order.items.length, total: Math.round(total * 100) / 100 };
}

const busyOnce = new Set<string>();

export function reserveStock(request: { orderId: string; line: number; sku: string; quantity: number }) {
  if (request.sku === 'SOLD-OUT') throw new NamedError('OutOfStock', `No stock left for ${request.sku}`);
  if (!busyOnce.has(request.sku)) {
    busyOnce.add(request.sku);
    throw new NamedError('StockServiceBusy', 'The stock service is busy, try again');
  }
  return { line: request.line, sku: request.sku, reserved: request.quantity };
}

export function chargePayment(request: {
  orderId: string;
  amount: number;
  order: { discount?: { percent: number } };
}) {
  const percent = request.order.discount?.percent ?? 0;
  const charged = Math.round(request.amount * (100 - percent)) / 100;
  return { orderId: request.orderId, charged, currency: 'EUR', status: 'PAID' };
}
