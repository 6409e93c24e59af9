// The validation queue: edits faster than validations never queue up work, and a long validation never stacks.
import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SETTLE_MS, ValidationQueue } from '../../server/src/validation';

/** A host whose validations finish when the test says so. */
function host() {
  const documents = new Map<string, TextDocument>();
  const runs: { uri: string; version: number; finish: () => void }[] = [];
  return {
    documents,
    runs,
    edit(uri: string, version: number): void {
      documents.set(uri, TextDocument.create(uri, 'imr', version, `text ${version}`));
    },
    get: (uri: string) => documents.get(uri),
    validate(document: TextDocument): Promise<void> {
      return new Promise((resolve) => runs.push({ uri: document.uri, version: document.version, finish: resolve }));
    },
  };
}

/** Lets the queue's timers, immediates and promise callbacks run. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS + 1));
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('validation queue', () => {
  it('while a validation runs, any number of edits lead to one more run, on the latest version', async () => {
    const editor = host();
    const queue = new ValidationQueue(editor, 0);
    editor.edit('a', 1);
    queue.schedule('a');
    await settle();
    assert.deepEqual(
      editor.runs.map((run) => run.version),
      [1],
    );
    for (let version = 2; version <= 20; version++) {
      editor.edit('a', version);
      queue.schedule('a');
      await settle();
    }
    assert.equal(editor.runs.length, 1, 'no second validation starts while the first runs');
    editor.runs[0].finish();
    await settle();
    assert.deepEqual(
      editor.runs.map((run) => run.version),
      [1, 20],
    );
    editor.runs[1].finish();
    await settle();
    assert.equal(editor.runs.length, 2, 'nothing more was queued');
    assert.equal(queue.isBusy('a'), false);
  });

  it('edits in one burst are validated once, on the last version, even when each arrives in its own turn', () => {
    // The JSON-RPC reader hands over one queued message per turn of the event loop, each well within SETTLE_MS.
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const editor = host();
      const queue = new ValidationQueue(editor, 0);
      for (let version = 1; version <= 50; version++) {
        editor.edit('b', version);
        queue.schedule('b');
        mock.timers.tick(SETTLE_MS - 1);
      }
      assert.equal(editor.runs.length, 0, 'no validation while edits keep arriving');
      mock.timers.tick(1);
      assert.deepEqual(
        editor.runs.map((run) => run.version),
        [50],
      );
    } finally {
      mock.timers.reset();
    }
  });

  it('the debounce restarts with each edit, so typing validates once after the pause', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const editor = host();
      const queue = new ValidationQueue(editor, 150);
      for (let version = 1; version <= 10; version++) {
        editor.edit('c', version);
        queue.schedule('c');
        mock.timers.tick(100);
      }
      assert.equal(editor.runs.length, 0, 'no validation while typing faster than the debounce');
      mock.timers.tick(50);
      assert.deepEqual(
        editor.runs.map((run) => run.version),
        [10],
      );
    } finally {
      mock.timers.reset();
    }
  });

  it('documents do not wait for each other, and a closed document is not validated', async () => {
    const editor = host();
    const queue = new ValidationQueue(editor, 0);
    editor.edit('x', 1);
    editor.edit('y', 1);
    queue.schedule('x');
    queue.schedule('y');
    await settle();
    assert.deepEqual(editor.runs.map((run) => run.uri).sort(), ['x', 'y']);
    editor.edit('x', 2);
    queue.schedule('x');
    queue.cancel('x');
    editor.documents.delete('x');
    editor.runs[0].finish();
    editor.runs[1].finish();
    await settle();
    assert.equal(editor.runs.length, 2, 'the cancelled run for the closed document never started');
  });

  it('a validation that throws does not leave the document stuck', async () => {
    const editor = host();
    let calls = 0;
    const queue = new ValidationQueue(
      {
        get: editor.get,
        validate: () => {
          calls++;
          throw new Error('boom');
        },
      },
      0,
    );
    editor.edit('d', 1);
    queue.schedule('d');
    await settle();
    editor.edit('d', 2);
    queue.schedule('d');
    await settle();
    assert.equal(calls, 2);
  });
});
