import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draft, findingsOf, item, lineOf, rangeOf } from '../support/drafts';

describe('duplicate-item', () => {
  it('reports the second item of the same name at its name, as an error', () => {
    const text = draft({ items: [item(), item({ name: 'Lumbar MRI', decision: 'Overturned' }), item({ name: 'tramadol  50 MG #120' })] });
    const [finding, ...rest] = findingsOf(text, 'duplicate-item');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, rangeOf(text, 'tramadol  50 MG #120'));
    assert.match(finding.message, new RegExp(`already appears on line ${lineOf(text, 'Tramadol 50 mg #120') + 1}; each item is decided once`));
  });

  it('matches names across bold and heading forms', () => {
    const text = draft({ items: [item(), item().replace('Tramadol 50 mg #120:  Upheld', '## **Tramadol 50 mg #120**: Upheld')] });
    assert.equal(findingsOf(text, 'duplicate-item').length, 1);
  });

  it('does not fire on different items', () => {
    const text = draft({ items: [item(), item({ name: 'Tramadol 50 mg #60' })] });
    assert.deepEqual(findingsOf(text, 'duplicate-item'), []);
  });

  it('takes a name written in bold, in other capitals or with runs of spaces for the same item', () => {
    const text = draft({ items: [item({ name: '**Lumbar MRI**' }), item({ name: 'lumbar   MRI' }), item({ name: 'LUMBAR MRI ' })] });
    assert.deepEqual(
      findingsOf(text, 'duplicate-item').map((finding) => finding.message),
      [
        `Item "lumbar   MRI" already appears on line ${lineOf(text, '**Lumbar MRI**') + 1}; each item is decided once, so merge the two or correct the name.`,
        `Item "LUMBAR MRI" already appears on line ${lineOf(text, '**Lumbar MRI**') + 1}; each item is decided once, so merge the two or correct the name.`,
      ],
    );
  });

  it('takes a name written with other punctuation, or with its bold left open, for the same item', () => {
    const text = draft({ items: [item({ name: 'Norco 10/325 mg, #90' }), item({ name: 'NORCO 10-325 mg #90' }), item({ name: '**Norco 10/325 mg #90' })] });
    assert.deepEqual(
      findingsOf(text, 'duplicate-item').map((finding) => finding.range),
      [rangeOf(text, 'NORCO 10-325 mg #90'), rangeOf(text, '**Norco 10/325 mg #90')],
    );
  });

  it('tells items apart by their words and by their numbers: a 7.5 mg dose is not a 75 mg one, a lumbar MRI not a cervical one', () => {
    const text = draft({
      items: [
        item({ name: 'Cyclobenzaprine 7.5 mg #60' }),
        item({ name: 'Cyclobenzaprine 75 mg #60' }),
        item({ name: 'Lumbar MRI' }),
        item({ name: 'Cervical MRI' }),
      ],
    });
    assert.deepEqual(findingsOf(text, 'duplicate-item'), []);
  });
});
