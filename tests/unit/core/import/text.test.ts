import { describe, expect, it } from 'vitest';
import { isoWithOffset, parseDuration } from '../../../../core/import/duration.js';
import { htmlToText, inlineText, slugify } from '../../../../core/import/text.js';

describe('parseDuration', () => {
  it.each([
    ['1:00', 60],
    ['01:00', 60],
    ['01:00:00', 60],
    ['0:10', 10],
    ['00:45', 45],
    ['25:30', 25 * 60 + 30],
    ['01:30:30', 90.5],
    ['PT1H30M', 90],
    ['PT45M', 45],
  ])('%s is %f minutes', (text, min) => {
    expect(parseDuration(text)).toBe(min * 60_000);
  });
  it.each(['', '90', '1:5', 'one hour', 'PT', '1:60'])('%j is unreadable', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('htmlToText', () => {
  it.each([
    ['<p>One</p><p>Two</p>', 'One\n\nTwo'],
    ['a<br />b<br>c', 'a\nb\nc'],
    ['<ul><li>x</li><li>y</li></ul>', '• x\n• y'],
    ['Caf&eacute; &amp; Bar &#8211; &#x263A; &nbsp;', 'Café & Bar – ☺'],
    ['Plain\r\ntext\r\n\r\n\r\n\r\nmore  ', 'Plain\ntext\n\nmore'],
    ['if a < b and c > d', 'if a < b and c > d'],
    ['<script>alert(1)</script>Hello <a href="x">link</a>', 'Hello link'],
    ['**Markdown** stays [as](written)', '**Markdown** stays [as](written)'],
    [null, ''],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

describe('inlineText and slugify', () => {
  it.each([
    ['  Saal\n 1 ', 'Saal 1'],
    ['Ethics, Society &amp; Politics', 'Ethics, Society & Politics'],
  ])('inlineText(%j) = %j', (a, b) => expect(inlineText(a)).toBe(b));
  it.each([
    ['Saal 1', 'saal-1'],
    ['Lötarea', 'lotarea'],
    ['r3s - Monheim/Rhein', 'r3s-monheim-rhein'],
    ['Straße', 'strasse'],
    ['', ''],
  ])('slugify(%j) = %j', (a, b) => expect(slugify(a)).toBe(b));
});

describe('isoWithOffset', () => {
  it.each([
    [Date.parse('2019-05-20T17:30:00Z'), -420, '2019-05-20T10:30:00-07:00'],
    [Date.parse('2019-10-27T00:30:00Z'), 120, '2019-10-27T02:30:00+02:00'],
    [Date.parse('2019-10-27T01:30:00Z'), 60, '2019-10-27T02:30:00+01:00'],
    [Date.parse('2020-01-01T00:00:00Z'), 330, '2020-01-01T05:30:00+05:30'],
  ])('%i at %i → %s', (ms, offset, iso) => expect(isoWithOffset(ms, offset)).toBe(iso));
});
