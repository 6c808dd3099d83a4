import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../../../core/settings/contrast.js';
import { DEFAULT_SETTINGS } from '../../../../core/settings/defaults.js';
import { inkOn, trackColour } from '../../../../renderer/lib/track-colour.js';

const program = {
  tracks: [
    { name: 'Security', colour: '#e8425a' },
    { name: 'Science', colour: '#3aa0ff' },
  ],
};
const staff = { ...DEFAULT_SETTINGS, tracks: { Security: '#112233', Music: '#ffb627' } };

describe('trackColour: staff first, then the schedule', () => {
  it.each([
    ['staff set one and the schedule has one: staff’s', staff, program, 'Security', '#112233'],
    ['only the schedule has one', staff, program, 'Science', '#3aa0ff'],
    ['only staff set one', staff, program, 'Music', '#ffb627'],
    ['neither', staff, program, 'Art', null],
    ['a program with no tracks (OpML, iCalendar)', DEFAULT_SETTINGS, {}, 'Science', null],
    ['a session without a track', staff, program, undefined, null],
  ])('%s', (_name, settings, p, track, want) => {
    expect(trackColour(settings, p, track === undefined ? {} : { track })).toBe(want);
  });
});

describe('inkOn: the text on a track colour reads', () => {
  it.each([
    ['#e8425a', '#000000'],
    ['#ffb627', '#000000'],
    ['#3aa0ff', '#000000'],
    ['#5f6b7a', '#ffffff'],
    ['#1a237e', '#ffffff'],
    ['#777777', '#000000'],
    ['#ffffff', '#000000'],
    ['#000000', '#ffffff'],
  ])('on %s: %s', (colour, ink) => {
    expect(inkOn(colour)).toBe(ink);
    // black or white on any colour is at least 4.58:1 (the worst case is a mid grey)
    expect(contrastRatio(colour, inkOn(colour))).toBeGreaterThanOrEqual(4.5);
  });
});
