// The cache of answers kept between the checks of one document: what two checks in a row did not use is dropped,
// in one sweep once it outnumbers what is in use.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detached, RecentCache } from '../../engine/src/recent';

/** A cache holding `count` answers, all from its first check, which has ended. */
function filled(count: number, options = {}): RecentCache<number> {
  const cache = new RecentCache<number>(options);
  for (let index = 0; index < count; index++) cache.set(`line ${index}`, index);
  cache.settle();
  return cache;
}

const use = (cache: RecentCache<number>, from: number, to: number): void => {
  for (let index = from; index < to; index++) assert.equal(cache.get(`line ${index}`), index);
};

describe('answers kept between checks', () => {
  it('finds what was set, and nothing else', () => {
    const cache = new RecentCache<string>();
    assert.equal(cache.get('Left Hip Cortisone Injection'), undefined);
    cache.set('Left Hip Cortisone Injection', 'item');
    cache.set('Upheld', 'decision');
    assert.equal(cache.get('Left Hip Cortisone Injection'), 'item');
    cache.set('Upheld', 'decision word');
    assert.equal(cache.get('Upheld'), 'decision word');
    assert.equal(cache.size, 2);
  });

  it('keeps what the last check used, and what the one before it used, however many answers are idle', () => {
    const cache = filled(100);
    cache.settle();
    assert.equal(cache.size, 100, 'the check just ended used them');
    cache.settle();
    assert.equal(cache.size, 0, 'two checks in a row used none');
  });

  it('sweeps only once the idle answers outnumber twice those in use, and 64 more', () => {
    const cache = filled(100);
    cache.settle();
    use(cache, 0, 18);
    cache.settle();
    assert.equal(cache.size, 100, '100 is not more than 2 × 18 + 64');
    use(cache, 0, 17);
    cache.settle();
    // Used by this check (0–16) or the one before (17); the rest were last used three checks ago.
    assert.equal(cache.size, 18);
    use(cache, 0, 18);
  });

  it('counts an answer once per check however often it is read or set', () => {
    const cache = filled(100);
    cache.settle();
    for (let round = 0; round < 3; round++) use(cache, 0, 17);
    cache.set('line 0', 0);
    cache.settle();
    assert.equal(cache.size, 17, '17 answers in use, not 52 uses: 100 is more than 2 × 17 + 64');
  });

  it('counts an answer set again in a new check as used, and a new one too', () => {
    const cache = filled(100);
    cache.settle();
    for (let index = 0; index < 18; index++) cache.set(`line ${index}`, index);
    cache.settle();
    assert.equal(cache.size, 100, '18 set again: 100 is not more than 2 × 18 + 64');
    for (let index = 0; index < 9; index++) cache.set(`line ${index}`, index);
    for (let index = 100; index < 118; index++) cache.set(`line ${index}`, index);
    cache.settle();
    assert.equal(cache.size, 118, '9 set again and 18 new: 118 is not more than 2 × 27 + 64');
    cache.settle();
    assert.equal(cache.size, 27, 'the next check sweeps all but those 27');
    use(cache, 0, 9);
    use(cache, 100, 118);
  });

  it('keeps copies of its keys when asked, found by the same text', () => {
    const cache = new RecentCache<string>({ copyKeys: true });
    const draft = `CLINICAL CASE SUMMARY\n${'The patient is a 52-year-old female. '.repeat(20)}`;
    const line = draft.slice(0, 21);
    cache.set(line, 'title');
    assert.equal(cache.get('CLINICAL CASE SUMMARY'), 'title');
    assert.equal(detached(line), line);
    assert.equal(detached('Upheld'), 'Upheld');
  });
});
