// Drives one conversation with Microsoft's DirectLineJS (botframework-directlinejs 0.15.8) against our Direct Line
// endpoint, the way an app embedding it would: start, send, receive over the WebSocket with watermarks, then lose the
// socket and carry on. Prints one JSON object for DirectLineJsTests.cs to check.
//   node directline-client.mjs <domain> <token> <directlinejs dir> <ws dir> <xhr2 dir>
import { createRequire } from 'node:module';
import path from 'node:path';

const [domain, token, directLineDir, wsDir, xhr2Dir] = process.argv.slice(2);
const require = createRequire(import.meta.url);

// DirectLineJS is written for browsers: it needs XMLHttpRequest, WebSocket and `self` (its README's recipe for Node).
globalThis.self = globalThis;
globalThis.XMLHttpRequest = require(path.join(xhr2Dir, 'lib', 'xhr2.js'));
const NodeWebSocket = require(path.join(wsDir, 'index.js'));
const sockets = [];
class TrackedWebSocket extends NodeWebSocket {
  constructor(url) {
    super(url);
    sockets.push({ url, socket: this });
  }
}
globalThis.WebSocket = TrackedWebSocket;
const { DirectLine } = require(path.join(directLineDir, 'dist', 'directline.js'));

const seen = [];
const deadline = setTimeout(() => finish('timed out'), 60_000);
// random: () => 0 makes DirectLineJS wait its shortest delay (3 s) before reconnecting.
const directLine = new DirectLine({ token, domain, webSocket: true, WebSocket: TrackedWebSocket, random: () => 0 });
directLine.activity$.subscribe(
  activity => seen.push({ id: activity.id ?? null, type: activity.type, text: activity.text ?? null,
    role: activity.from?.role ?? null, replyToId: activity.replyToId ?? null, clientActivityID: activity.channelData?.clientActivityID ?? null }),
  error => finish(`activity$ failed: ${error?.message ?? error}`));

const until = (condition, what) => new Promise((resolve, reject) => {
  const started = Date.now();
  const timer = setInterval(() => {
    if (condition()) { clearInterval(timer); resolve(); }
    else if (Date.now() - started > 30_000) { clearInterval(timer); reject(new Error(`waited too long for ${what}`)); }
  }, 50);
});
const post = activity => new Promise((resolve, reject) => directLine.postActivity(activity).subscribe(resolve, reject));
const repliedTo = id => () => seen.some(a => a.role === 'bot' && a.type === 'message' && a.replyToId === id);

try {
  await until(() => seen.some(a => a.role === 'bot'), 'the greeting');
  const first = await post({ type: 'message', from: { id: 'node-user' }, text: '你好', channelData: { clientActivityID: 'node-1' } });
  await until(repliedTo(first), 'the reply to the first message');
  const watermarkBeforeDrop = directLine.watermark;

  // The network drops the socket; the message sent meanwhile must arrive once, after DirectLineJS reconnects.
  sockets.at(-1).socket.terminate();
  const second = await post({ type: 'message', from: { id: 'node-user' }, text: '谢谢', channelData: { clientActivityID: 'node-2' } });
  await until(repliedTo(second), 'the reply to the message sent while disconnected');
  finish(null, { first, second, watermarkBeforeDrop });
} catch (error) {
  finish(error.message);
}

function finish(error, posted = {}) {
  clearTimeout(deadline);
  process.stdout.write(JSON.stringify({ error, ...posted, watermark: directLine.watermark, sockets: sockets.map(s => s.url), activities: seen }) + '\n');
  directLine.end();
  process.exit(error ? 1 : 0);
}
