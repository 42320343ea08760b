// Owns the yardstick of the sheaf figure: the least a Node script can do to ask a running Sheaf for its state
// (connect, one getState line, read the answer, print whether a timer runs). `sheaf status` is held to its time.
import { createConnection } from 'node:net';
import { join } from 'node:path';

const socket = createConnection(join(process.env.SHEAF_DATA_DIR, 'control', 'control.sock'));
let answer = '';
socket.on('connect', () => socket.write('{"command":"getState"}\n'));
socket.on('data', (chunk) => {
  answer += chunk;
  if (!answer.includes('\n')) return;
  const state = JSON.parse(answer).value;
  console.log(state.running ? `▶ ${state.running.projectName}` : 'No timer running');
  socket.end();
});
