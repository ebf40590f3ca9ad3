import { WarmIntroDB } from '../../lib/db';
import { Repository } from '../../lib/repository';

// Dexie opens lazily, on the first query; a restarted worker simply opens it again.
export const db = new WarmIntroDB();
export const repo = new Repository(db);
