/**
 * For replicas.test.ts: takes the polling lease on the database given, prints "held", and then keeps
 * it until it is killed.
 */
import { openCoordination } from '../../src/state/open.js';

const coordination = await openCoordination(process.argv[2]!);
await coordination.lease('polling').acquire();
process.stdout.write('held\n');
setInterval(() => undefined, 60_000);
