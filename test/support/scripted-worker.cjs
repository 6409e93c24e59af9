// A checking thread that speaks the pool's protocol and does what each request's text says, for the pool's tests:
// "echo" answers what it knows of itself, "sleep:<ms>" answers later, "hang" never answers, "fail" answers a failure,
// "exit" ends the thread, "throw" throws outside any request, "log" prints first, "grow" runs out of memory, "model"
// says it read a model, and hands back the packed model the request's configuration carries when asked for it.
const { parentPort, workerData, resourceLimits, threadId } = require('node:worker_threads');

const forgotten = [];
const send = (message) => parentPort.postMessage(message);

parentPort.on('message', (message) => {
  if (message.kind === 'forget') {
    forgotten.push(message.uri);
    return;
  }
  const [command, argument] = message.request.text.split(':');
  const echo = {
    kind: message.kind,
    model: message.model,
    uri: message.request.uri,
    threadId,
    workerData,
    resourceLimits,
    execArgv: process.execArgv,
    forgotten,
  };
  // What it knows of itself, also as a failure, which a step hands on where it drops the rest of the answer.
  const done = () => send({ kind: 'done', id: message.id, answer: { findings: [], failures: [{ ruleId: 'echo', error: JSON.stringify(echo) }], echo } });
  switch (command) {
    case 'echo':
      return done();
    case 'model':
      // Checked and modelled; the packed model itself only when a 'model' task asks for it.
      if (message.kind === 'model') return send({ kind: 'done', id: message.id, answer: message.request.config.packedModel });
      return send({ kind: 'done', id: message.id, answer: { findings: [], failures: [], modelled: true } });
    case 'sleep':
      return void setTimeout(done, Number(argument));
    case 'hang':
      return;
    case 'fail':
      return send({ kind: 'failed', id: message.id, error: 'Error: scripted failure' });
    case 'exit':
      return process.exit(3);
    case 'throw':
      return void setTimeout(() => {
        throw new TypeError('scripted');
      });
    case 'log':
      send({ kind: 'log', text: `${'x'.repeat(2100)}\n` });
      send({ kind: 'log', text: 'a library warning\n\n' });
      return done();
    case 'grow': {
      const kept = [];
      for (;;) kept.push(new Array(100_000).fill(kept.length));
    }
  }
});

send({ kind: 'ready' });
