/** The stock report's Lambda function (examples/service). */
export async function countStock(warehouse: string): Promise<{ warehouse: string; units: number }> {
  return { warehouse, units: warehouse.length * 100 };
}
