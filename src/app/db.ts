/** The one database of this app (storage functions take it as their first argument; Dexie opens it on first use). */
import { NaptimeDb } from '../storage/db';

export const db = new NaptimeDb();
