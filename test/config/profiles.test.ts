import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { profileSchema, type ImrConfig } from '../../engine/src/config/schema';
import { lint } from '../../engine/src/lint';
import { allProfiles, findProfile, resolveProfile } from '../../engine/src/config/profiles';
import { builtinProfiles } from '../../engine/src/profiles/builtin';
import { rules } from '../../engine/src/rules';
import type { Finding } from '../../engine/src/rules/types';
import { ConfigLoader } from '../../engine/src/config/load';
import { parseConfigFile } from '../../engine/src/config/parse';
import { resolveProfiles } from '../../engine/src/config/profiles';
import { json, memoryHost } from './memory-host';

const fixture = (name: string): string => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const TODAY = '2024-06-01';
const serious = (findings: Finding[]): string[] =>
  findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning').map((finding) => `${finding.ruleId}: ${finding.message}`);

const acme = parseConfigFile('/fixtures/acme-iro.imrlintrc.json', fixture('acme-iro.imrlintrc.json'));

describe('built-in profiles', () => {
  for (const profile of builtinProfiles) {
    describe(profile.id, () => {
      const text = fixture(`${profile.id}.imr.md`);

      it('checks a letter in its format with no error or warning', () => {
        const result = lint(text, { today: TODAY });
        assert.equal(result.model?.profile.id, profile.id, 'the front matter selects the profile');
        assert.deepEqual(serious(result.findings), []);
        assert.deepEqual(
          result.model?.sections.map((section) => section.id),
          profile.sections.map((section) => section.id),
          'every section is recognised, in order',
        );
        assert.equal(result.model?.items.length, 1, 'the disputed item is read from the issues section');
      });

      it('is what the configuration selects when the draft names no profile', () => {
        const bare = text.replace(/^---[\s\S]*?---\n/, '');
        assert.equal(lint(bare, { config: { profile: profile.id }, today: TODAY }).model?.profile.id, profile.id);
        assert.deepEqual(serious(lint(bare, { config: { profile: profile.id }, today: TODAY }).findings), []);
      });

      it('reports a missing section with the title of its own format', () => {
        const required = profile.sections.filter((section) => section.required);
        const last = required[required.length - 1];
        const heading = text.split('\n').find((line) => line.trim().replace(/:$/, '').toUpperCase() === last.title.toUpperCase())!;
        const broken = text.replace(heading, 'NOTES');
        const missing = lint(broken, { today: TODAY }).findings.filter((finding) => finding.ruleId === 'required-section');
        assert.deepEqual(
          missing.map((finding) => finding.message),
          [`Add the required section "${last.title}".`],
        );
      });
    });
  }

  it('tells the formats apart: a 2013 letter checked as the current format misses its sections', () => {
    const text = fixture('ca-dwc-imr-2013.imr.md').replace('profile: ca-dwc-imr-2013', 'profile: ca-dwc-imr');
    const missing = lint(text, { today: TODAY }).findings.filter((finding) => finding.ruleId === 'required-section');
    assert.deepEqual(
      missing.map((finding) => finding.message),
      findProfile('ca-dwc-imr')!.sections.map((section) => `Add the required section "${section.title}".`),
    );
  });

  it('are valid profile definitions, with rule settings only for rules that exist', () => {
    const ids = new Set(rules.map((rule) => rule.id));
    for (const profile of builtinProfiles) {
      const parsed = profileSchema.safeParse(profile);
      assert.ok(parsed.success, `${profile.id}: ${JSON.stringify(parsed.error?.issues)}`);
      for (const id of Object.keys(profile.rules)) assert.ok(ids.has(id), `${profile.id} sets unknown rule ${id}`);
    }
  });
});

describe('custom profiles', () => {
  it('checks the earlier 2013 layout, defined as a custom profile in configuration', () => {
    const config = parseConfigFile('/fixtures/legacy-2013/.imrlintrc.json', fixture('legacy-2013/.imrlintrc.json'));
    assert.deepEqual(config.problems, []);
    const result = lint(fixture('legacy-2013/letter.imr.md'), { config: config.config, today: TODAY });
    assert.equal(result.model?.profile.id, 'ca-dwc-imr-2013-sections');
    assert.deepEqual(serious(result.findings), []);
    assert.deepEqual(
      result.model?.items.map((item) => `${item.name.text}: ${item.decision.value}`),
      ['Lidoderm 5% Patch #30: upheld'],
    );
    // Without the profile, the built-in 2013 format does not recognise the layout.
    assert.ok(serious(lint(fixture('legacy-2013/letter.imr.md').replace('ca-dwc-imr-2013-sections', 'ca-dwc-imr-2013'), { today: TODAY }).findings).length > 0);
  });

  it('checks another organisation’s letter: its titles, field labels and decision words', () => {
    assert.deepEqual(acme.problems, []);
    const result = lint(fixture('acme-iro.md'), { config: acme.config, today: TODAY });
    assert.equal(result.model?.profile.id, 'acme-iro');
    assert.deepEqual(serious(result.findings), []);
    const [item] = result.model!.items;
    assert.equal(item.decision.value, 'overturned', '"Reversed" is this profile’s word for overturned');
    assert.deepEqual(
      item.fields.map((field) => field.label.text),
      ['Carrier guideline', 'Reviewer guideline', 'Reasons'],
    );
  });

  it('words every finding in the profile’s own titles and words', () => {
    const broken = fixture('acme-iro.md')
      .replace('# REVIEWER CREDENTIALS', '# NOTES')
      .replace('Repeat MRI of the right shoulder:  Reversed', 'Repeat MRI of the right shoulder:  Overturned')
      .replace(/Reasons: [^\n]*\n/, '');
    const findings = lint(broken, { config: acme.config, today: TODAY }).findings;
    const messages = findings.map((finding) => `${finding.ruleId}: ${finding.message}`);
    assert.ok(messages.includes('required-section: Add the required section "REVIEWER CREDENTIALS".'), messages.join('\n'));
    assert.ok(
      messages.some((message) => /^decision-value: .*"Affirmed" or "Reversed"/.test(message)),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((message) => message.startsWith('item-fields: ') && message.includes('"Reasons:"')),
      messages.join('\n'),
    );
    const builtinWords = builtinProfiles.flatMap((profile) => [
      ...profile.sections.map((section) => section.title),
      ...profile.fields.map((field) => field.label),
    ]);
    for (const message of messages) {
      for (const word of builtinWords) assert.ok(!message.includes(word), `"${message}" names "${word}" from a built-in profile`);
    }
  });

  it('is selected per folder by a configuration file found beside the draft', async () => {
    const host = memoryHost({
      '/work/.imrlintrc.json': json({ profiles: JSON.parse(fixture('acme-iro.imrlintrc.json').replace(/^\s*\/\/.*$/m, '')).profiles }),
      '/work/acme/.imrlintrc.json': json({ profile: 'acme-iro' }),
    });
    const loader = new ConfigLoader(host);
    const inAcme = await loader.resolve('/work/acme/letter.md', { root: '/work' });
    const elsewhere = await loader.resolve('/work/maximus/letter.md', { root: '/work' });
    const text = fixture('acme-iro.md').replace(/^---[\s\S]*?---\n/, '');
    assert.equal(lint(text, { config: inAcme.config }).model?.profile.id, 'acme-iro');
    assert.equal(lint(text, { config: elsewhere.config }).model?.profile.id, 'ca-dwc-imr');
  });

  it('is selected per file by front matter, over the folder’s profile', () => {
    const config: ImrConfig = { ...acme.config, profile: 'ca-dwc-imr-2015' };
    assert.equal(lint(fixture('acme-iro.md'), { config }).model?.profile.id, 'acme-iro');
    assert.equal(lint(fixture('ca-dwc-imr.imr.md'), { config }).model?.profile.id, 'ca-dwc-imr');
  });

  it('can extend a built-in profile, replacing what it names and merging rules and decisions', () => {
    const { profiles, problems } = resolveProfiles([
      {
        id: 'maximus-fl',
        extends: 'ca-dwc-imr',
        decisions: { upheld: 'Upheld' },
        rules: { 'date-chronology': 'off' },
        sections: [
          { id: 'how-made', title: 'HOW THE DETERMINATION WAS MADE', aliases: [], required: true },
          { id: 'issues', title: 'ISSUES AND DECISIONS', aliases: [], required: true },
        ],
      },
    ]);
    assert.deepEqual(problems, []);
    const [profile] = profiles;
    assert.deepEqual(
      profile.sections.map((section) => section.title),
      ['HOW THE DETERMINATION WAS MADE', 'ISSUES AND DECISIONS'],
    );
    assert.equal(profile.issuesSection, 'issues', 'inherited');
    assert.equal(profile.credentialsSection, 'how-made', 'inherited, since the section is still there');
    assert.deepEqual(profile.decisions, { ...findProfile('ca-dwc-imr')!.decisions, upheld: 'Upheld', overturned: 'Overturned' });
    assert.deepEqual(profile.fields, findProfile('ca-dwc-imr')!.fields);
    assert.deepEqual(profile.rules, { 'date-chronology': 'off' });
  });

  it('can refine a built-in profile under its own id', () => {
    const config: ImrConfig = {
      profiles: [
        {
          id: 'ca-dwc-imr',
          extends: 'ca-dwc-imr',
          sections: [...findProfile('ca-dwc-imr')!.sections, { id: 'appeal', title: 'APPEAL RIGHTS', aliases: [], required: false }],
        },
      ],
    };
    const text = `${fixture('ca-dwc-imr.imr.md')}\nAPPEAL RIGHTS\n\nYou may appeal within 30 days.\n`;
    const result = lint(text, { config, today: TODAY });
    assert.deepEqual(
      result.model?.sections.map((section) => section.id),
      ['how-made', 'case-summary', 'issues', 'appeal'],
    );
    assert.deepEqual(serious(result.findings), []);
  });

  it('extends another custom profile, defined before or after it', () => {
    const { profiles, problems } = resolveProfiles([
      { id: 'child', extends: 'parent', decisions: { overturned: 'Reversed' } },
      { id: 'parent', extends: 'ca-dwc-imr-2015', decisions: { upheld: 'Affirmed' } },
    ]);
    assert.deepEqual(problems, []);
    assert.deepEqual(profiles[0].decisions, { ...findProfile('ca-dwc-imr-2015')!.decisions, upheld: 'Affirmed', overturned: 'Reversed' });
    assert.equal(profiles[0].sections[1].title, 'DOCUMENTS REVIEWED');
  });
});

describe('profile definitions that do not resolve', () => {
  const section = (id: string) => ({ id, title: id.toUpperCase(), aliases: [], required: true });

  it('names a cycle of profiles from the first met, and leaves every profile in it out', () => {
    const { profiles, problems } = resolveProfiles([
      { id: 'a', extends: 'b' },
      { id: 'b', extends: 'c' },
      { id: 'c', extends: 'a' },
      { id: 'fine', extends: 'ca-dwc-imr' },
    ]);
    assert.deepEqual(
      profiles.map((profile) => profile.id),
      ['fine'],
    );
    assert.deepEqual(problems[0], {
      index: 2,
      path: ['extends'],
      message: 'profiles extend each other in a cycle (a → b → c → a); one of them must start from a built-in profile or define its sections',
    });
    assert.deepEqual(
      problems.slice(1).map((problem) => [problem.index, problem.message]),
      [
        [1, 'profile "c" it extends is itself invalid'],
        [0, 'profile "b" it extends is itself invalid'],
      ],
    );
  });

  it('names the profiles it knows for one it does not, each once', () => {
    const { problems } = resolveProfiles([
      { id: 'ca-dwc-imr', extends: 'ca-dwc-imr' },
      { id: 'typo', extends: 'ca-dwc-imr-2051' },
    ]);
    assert.deepEqual(problems, [
      { index: 1, path: ['extends'], message: 'unknown profile "ca-dwc-imr-2051" (profiles: ca-dwc-imr, typo, ca-dwc-imr-2015, ca-dwc-imr-2013)' },
    ]);
  });

  it('says a section id that is not one of its sections, at the key that names it or at its sections', () => {
    const { profiles, problems } = resolveProfiles([
      { id: 'named', sections: [section('a')], issuesSection: 'issues', credentialsSection: 'a' },
      { id: 'inherited', extends: 'ca-dwc-imr', sections: [section('how-made'), section('other')] },
    ]);
    assert.deepEqual(profiles, []);
    assert.deepEqual(problems, [
      { index: 0, path: ['issuesSection'], message: '"issues" is not the id of one of this profile\'s sections (a)' },
      { index: 1, path: ['sections'], message: '"issues" is not the id of one of this profile\'s sections (how-made, other)' },
    ]);
  });

  it('takes no credentials section when its own sections leave out the one it would inherit', () => {
    const { profiles } = resolveProfiles([{ id: 'short', extends: 'ca-dwc-imr', sections: [section('issues')] }]);
    assert.equal(profiles[0].credentialsSection, undefined);
    assert.equal(profiles[0].description, `Based on ca-dwc-imr: ${findProfile('ca-dwc-imr')!.description}`);
    const fresh = resolveProfiles([{ id: 'fresh', sections: [section('issues')], issuesSection: 'issues' }]).profiles[0];
    assert.deepEqual(
      [fresh.description, fresh.credentialsSection, fresh.rules, fresh.credentials],
      ['', undefined, {}, findProfile('ca-dwc-imr')!.credentials],
    );
  });

  it('refuses two decision words that are the same', () => {
    const { profiles, problems } = resolveProfiles([{ id: 'same', extends: 'ca-dwc-imr', decisions: { upheld: 'Overturned' } }]);
    assert.deepEqual(profiles, []);
    assert.deepEqual(problems, [{ index: 0, path: ['decisions'], message: 'the two decision words must differ (both are "Overturned")' }]);
  });

  it('picks the draft’s profile, then the configured one, then the default, passing over names it does not know', () => {
    const config: ImrConfig = { profile: 'ca-dwc-imr-2013' };
    assert.equal(resolveProfile('ca-dwc-imr-2015', config).id, 'ca-dwc-imr-2015');
    assert.equal(resolveProfile('no-such', config).id, 'ca-dwc-imr-2013');
    assert.equal(resolveProfile(undefined, { profile: 'no-such' }).id, 'ca-dwc-imr');
    assert.equal(resolveProfile('', {}).id, 'ca-dwc-imr');
    const refined = allProfiles({
      profiles: [
        { id: 'acme', sections: [section('issues')], issuesSection: 'issues' },
        { id: 'ca-dwc-imr', extends: 'ca-dwc-imr', rules: { phi: 'off' } },
      ],
    });
    assert.deepEqual(
      refined.map((profile) => profile.id),
      ['acme', 'ca-dwc-imr', 'ca-dwc-imr-2015', 'ca-dwc-imr-2013'],
    );
    assert.deepEqual(refined[1].rules, { ...findProfile('ca-dwc-imr')!.rules, phi: 'off' });
  });
});

describe('profile fixtures', () => {
  it('cover every built-in profile', () => {
    const names = readdirSync(new URL('fixtures/', import.meta.url));
    for (const profile of builtinProfiles) assert.ok(names.includes(`${profile.id}.imr.md`), `a fixture for ${profile.id}`);
  });
});
