/** Signs stdin's body with the TypeScript client's `signWebhook` (argv: key, timestamp ms) for the cross-language test. */
import { signWebhook } from '../../client/src/index.ts';

const [key = '', stamp = '0'] = process.argv.slice(2);
const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
process.stdout.write(await signWebhook(Buffer.concat(chunks).toString('utf8'), key, Number(stamp)));
