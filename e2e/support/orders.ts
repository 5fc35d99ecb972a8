import { testDb } from './db';

type TestOrder = { orderNo: string; flagged?: boolean; orderedAt?: Date; paidAt?: Date; shippedAt?: Date; signedAt?: Date; trackingNo?: string; carrier?: string; buyerName?: string; buyerPhone?: string; address?: string };

/** Orders inserted straight into the e2e database, as an import would leave them. */
export async function upsertTestOrders(caseId: string, orders: TestOrder[]) {
  await testDb().order.createMany({ data: orders.map((o) => ({ caseId, source: 'import', ...o })) });
}
