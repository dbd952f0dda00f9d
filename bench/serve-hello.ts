/**
 * The baseline: a bare Fastify server with one GET and one POST route, run in its own process
 * like the Parley server, so each ratio compares like with like on the same machine.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
app.post('/hello', async (request) => ({ id: '1', received: request.body }));
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`READY ${url}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
