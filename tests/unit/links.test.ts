// Reading sheaf:// links as hostile input: the four verbs and their parameters, and everything else refused with
// a reason the person can act on.
import { describe, expect, it } from 'vitest';
import { linkInArgv, maxLinkLength, readLink } from '../../shared/links';

describe('readLink', () => {
  it.each([
    ['sheaf://stop', { verb: 'stop' }],
    ['sheaf://toggle', { verb: 'toggle' }],
    ['sheaf://show', { verb: 'show' }],
    // Windows hands links over with a slash added; verbs are read in any case.
    ['sheaf://stop/', { verb: 'stop' }],
    ['SHEAF://Show', { verb: 'show' }],
    ['sheaf://start?project=12&task=34', { verb: 'start', projectId: 12, taskId: 34 }],
    [
      'sheaf://start?task=34&project=12&notes=Hero%20variants',
      { verb: 'start', projectId: 12, taskId: 34, notes: 'Hero variants' },
    ],
    ['sheaf://start?q=acme+dev', { verb: 'start', query: 'acme dev' }],
    ['sheaf://start/?q=%20acme%20&notes=', { verb: 'start', query: 'acme', notes: '' }],
    ['sheaf://start?q=caf%C3%A9', { verb: 'start', query: 'café' }],
    [
      'sheaf://start?ref=https%3A%2F%2Fgithub.com%2Facme%2Fsite%2Fissues%2F12&q=site',
      { verb: 'start', query: 'site', ref: 'https://github.com/acme/site/issues/12' },
    ],
    [
      'sheaf://start?project=12&task=34&ref=https://acme.atlassian.net/browse/PROJ-1',
      { verb: 'start', projectId: 12, taskId: 34, ref: 'https://acme.atlassian.net/browse/PROJ-1' },
    ],
  ])('reads %s', (link, expected) => {
    expect(readLink(link)).toEqual({ ok: true, link: expected });
  });

  it.each([
    // Verbs a link must never have.
    ['sheaf://signout', /start, stop, toggle or show the timer; "signout" isn't one of those/],
    ['sheaf://delete?entry=1', /"delete" isn't one of those/],
    ['sheaf://settings?theme=dark', /"settings" isn't one of those/],
    ['sheaf://', /"" isn't one of those/],
    ['sheaf://s%74op', /"s%74op" isn't one of those/],
    // Other schemes, and the shapes that hope another program reads them.
    ['https://evil.example/stop', /only sheaf:\/\/ links, not "https:"/],
    ['javascript:alert(1)', /only sheaf:\/\/ links/],
    ['file:///etc/passwd', /only sheaf:\/\/ links/],
    ['sheaf://user:secret@start?q=x', /never carries a user name or password/],
    ['sheaf://token@stop', /never carries a user name or password/],
    ['sheaf://stop:8080', /never carries a port/],
    ['sheaf:stop', /Write Sheaf links as sheaf:\/\/start/],
    ['sheaf:///stop', /Write Sheaf links as|isn't one of those/],
    ['sheaf://stop/../signout', /nothing after stop\//],
    ['sheaf://stop#frag', /no #part/],
    ['sheaf://stop?now=1', /A stop link takes nothing after the "\?"/],
    // Start's parameters.
    ['sheaf://start', /needs a project and a task/],
    ['sheaf://start?project=12', /needs a project and a task/],
    ['sheaf://start?project=12&task=34&q=web', /not both/],
    ['sheaf://start?project=0&task=34', /The project "0" isn't a Harvest id/],
    ['sheaf://start?project=-3&task=34', /isn't a Harvest id/],
    ['sheaf://start?project=1e3&task=34', /isn't a Harvest id/],
    [
      'sheaf://start?project=12&task=99999999999999999999',
      /The task "99999999999999999999" isn't a Harvest id/,
    ],
    ['sheaf://start?project=12&task=0x22', /isn't a Harvest id/],
    ['sheaf://start?project=12&project=13&task=1', /says "project" twice/],
    ['sheaf://start?project=12&task=34&accountId=1', /doesn't take "accountId"/],
    ['sheaf://start?__proto__=1&q=x', /doesn't take "__proto__"/],
    ['sheaf://start?q=%20%20', /\(q\) are empty/],
    ['sheaf://start?q=%E0%A4%A', /broken %-escape/],
    ['sheaf://start?q=x&notes=%ZZ', /broken %-escape/],
    ['sheaf://start?q=x&ref=', /work address \(ref\) is empty/],
    [`sheaf://start?q=x&ref=https://github.com/${'a'.repeat(2048)}`, /at most 2048 characters/],
    [`sheaf://start?q=${'a'.repeat(201)}`, /at most 200 characters/],
    [`sheaf://start?q=x&notes=${'n'.repeat(5001)}`, /at most 5000 characters/],
    [
      `sheaf://start?q=${'a'.repeat(maxLinkLength)}`,
      /too long for Sheaf to read \(at most 8,192 characters\)/,
    ],
    ['sheaf://stop\n', /characters no link can carry/],
    ['sheaf://st\top', /characters no link can carry/],
    ['', /empty/],
    ['not a link', /"not a link" isn't a link Sheaf can read/],
  ])('refuses %s', (link, why) => {
    const read = readLink(link);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatch(why);
  });

  it.each([
    // The issue's own link: ESC ] 0 ; (a terminal title), BEL, ESC [ 2 J (clear screen), CR, LF and U+202E.
    'sheaf://start?q=acme&notes=hi%1B%5D0%3BPWNED%07%1B%5B2J%0Dfake+line%0A%E2%80%AEtxt',
    'sheaf://start?q=acme&notes=two%0Alines',
    'sheaf://start?q=acme&notes=tab%09ed',
    'sheaf://start?q=acme%1B%5B2J',
    'sheaf://start?q=acme%C2%9B2J', // U+009B, the one-character CSI of C1
    'sheaf://start?q=%E2%80%AEemca', // a right-to-left override
    'sheaf://start?q=acme%E2%81%A6x', // a left-to-right isolate
    'sheaf://start?q=acme%E2%80%A8x', // a line separator
    'sheaf://start?project=12%00&task=34',
    'sheaf://start?project=12&task=34&no%07tes=x',
    'sheaf://start?q=acme&notes=x%7F',
  ])('refuses control characters and bidi overrides once decoded, in every field: %s', (link) => {
    const read = readLink(link);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.problem).toMatch(
        /carries control characters or text-direction overrides, which no link may/,
      );
      // eslint-disable-next-line no-control-regex
      expect(read.problem).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
    }
  });

  it('refuses them written as they are, too', () => {
    for (const raw of ['sheaf://start?q=acme\u202e', 'sheaf://start?q=acme\u009b', 'sheaf://stop\u2066']) {
      expect(readLink(raw)).toEqual({ ok: false, problem: 'The link has characters no link can carry.' });
    }
  });

  it('still reads notes in any script, with emoji and punctuation', () => {
    expect(readLink('sheaf://start?q=acme&notes=%D7%A9%D7%9C%D7%95%D7%9D+%F0%9F%8C%BE+%E2%80%94+ok')).toEqual(
      {
        ok: true,
        link: { verb: 'start', query: 'acme', notes: 'שלום 🌾 — ok' },
      },
    );
  });

  it('refuses what isn’t text at all', () => {
    for (const value of [undefined, null, 42, {}, ['sheaf://stop']]) expect(readLink(value).ok).toBe(false);
  });

  it('quotes what a hostile link said short and printable', () => {
    const read = readLink(`sheaf://start?${'\u202e'.repeat(3)}${'x'.repeat(500)}=1`);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.problem.length).toBeLessThan(120);
      expect(read.problem).not.toContain('\u202e');
    }
  });
});

describe('linkInArgv', () => {
  it('finds the link a second launch carries, and nothing in a plain launch', () => {
    expect(linkInArgv(['/opt/Sheaf/sheaf', '--no-sandbox', 'sheaf://toggle'])).toBe('sheaf://toggle');
    expect(linkInArgv(['/opt/Sheaf/sheaf'])).toBeNull();
    expect(linkInArgv(undefined)).toBeNull();
  });
});
