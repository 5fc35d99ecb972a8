import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db/client';

/** A user row for tests that need an owner; no password, never signs in. */
export async function makeUser(name = '测试商家') {
  const id = randomUUID();
  return db.user.create({ data: { id, name, email: `${id}@test.invalid` } });
}
