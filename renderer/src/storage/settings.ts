import type { ArchipelagoDb } from './db';

const PALETTE = ['#e4572e', '#17bebb', '#ffc914', '#76b041', '#7e5bef', '#ff6f91', '#2e86de', '#f39c12'];

export interface UserSettings {
  name: string;
  color: string;
}

/** This device's display name and colour for presence; made up on first start, editable. */
export async function loadUser(db: ArchipelagoDb): Promise<UserSettings> {
  const row = await db.settings.get('user');
  if (row) return row.value as UserSettings;
  const n = Math.floor(Math.random() * 9000) + 1000;
  const user = { name: `Guest ${n}`, color: PALETTE[n % PALETTE.length] };
  await db.settings.put({ key: 'user', value: user });
  return user;
}

export async function saveUser(db: ArchipelagoDb, user: UserSettings): Promise<UserSettings> {
  const name = user.name.trim().slice(0, 60);
  if (!name) throw new Error('your name cannot be empty');
  if (!/^#[0-9a-f]{6}$/i.test(user.color)) throw new Error('pick a colour');
  const value = { name, color: user.color };
  await db.settings.put({ key: 'user', value });
  return value;
}

export { PALETTE };
