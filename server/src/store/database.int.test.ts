import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeOnEachBackend } from './testing/store-backends.ts';

// The contract both backends keep; repositories rely on nothing else.
describeOnEachBackend(process.env.DATABASE_URL, 'database', ({ db }) => {
  async function newTable(): Promise<string> {
    const table = `t_${randomUUID().replaceAll('-', '')}`;
    await db().exec(`create table ${table} (id int primary key, label text)`);
    return table;
  }

  it('commits a transaction and reports the rows it changed', async () => {
    const table = await newTable();
    const inserted = await db().transaction((tx) =>
      tx.query(`insert into ${table} values ($1, $2), ($3, $4)`, [1, 'a', 2, 'b']),
    );
    expect(inserted.rowCount).toBe(2);
    const updated = await db().query(`update ${table} set label = 'c'`);
    expect(updated.rowCount).toBe(2);
    const { rows } = await db().query<{ id: number; label: string }>(`select * from ${table} order by id`);
    expect(rows).toStrictEqual([
      { id: 1, label: 'c' },
      { id: 2, label: 'c' },
    ]);
  });

  it('rolls back when the function throws', async () => {
    const table = await newTable();
    const failing = db().transaction(async (tx) => {
      await tx.query(`insert into ${table} values (1, 'a')`);
      throw new Error('night failed');
    });
    await expect(failing).rejects.toThrow('night failed');
    expect((await db().query(`select * from ${table}`)).rows).toStrictEqual([]);
  });

  it('refuses to commit a transaction whose statement failed, even if the error was swallowed', async () => {
    const table = await newTable();
    const swallowed = db().transaction(async (tx) => {
      await tx.query(`insert into ${table} values (1, 'a')`);
      await tx.query(`insert into ${table} values (1, 'duplicate')`).catch(() => undefined);
    });
    await expect(swallowed).rejects.toThrow(/rolled back/);
    expect((await db().query(`select * from ${table}`)).rows).toStrictEqual([]);
  });

  it('runs statements started together inside a transaction one after the other', async () => {
    const table = await newTable();
    await db().transaction((tx) =>
      Promise.all([1, 2, 3].map((id) => tx.query(`insert into ${table} values ($1, 'x')`, [id]))),
    );
    const { rows } = await db().query<{ count: number }>(`select count(*)::int as count from ${table}`);
    expect(rows).toStrictEqual([{ count: 3 }]);
  });
});
