import { describe, expect, it } from 'vitest';
import { type Placed, placeProject, withoutProject } from '../../src/lib/project-order.js';

const inbox: Placed = { id: 1, isInbox: true, archived: false };
const active = (id: number): Placed => ({ id, isInbox: false, archived: false });
const archived = (id: number): Placed => ({ id, isInbox: false, archived: true });
// Inbox, two active projects, two archived ones.
const order = [inbox, active(2), active(3), archived(4), archived(5)];

describe('placeProject', () => {
  it('puts a new project at the end of the active ones, before the archived', () => {
    expect(placeProject(order, active(9))).toEqual({ ids: [1, 2, 3, 9, 4, 5] });
  });

  it('puts a new project at the position asked for, the others closing up behind it', () => {
    expect(placeProject(order, active(9), 1)).toEqual({ ids: [1, 9, 2, 3, 4, 5] });
    expect(placeProject(order, active(9), 3)).toEqual({ ids: [1, 2, 3, 9, 4, 5] });
  });

  it('answers the range when the position is outside the active ones', () => {
    for (const position of [0, 4, 10_000]) {
      expect(placeProject(order, active(9), position)).toEqual({ range: { first: 1, last: 3 } });
    }
  });

  it('moves a project within the active ones', () => {
    expect(placeProject(order, active(3), 1)).toEqual({ ids: [1, 3, 2, 4, 5] });
    expect(placeProject(order, active(2), 2)).toEqual({ ids: [1, 3, 2, 4, 5] });
    // The last active place of a project already in the list is one fewer than for a new one.
    expect(placeProject(order, active(2), 3)).toEqual({ range: { first: 1, last: 2 } });
  });

  it('keeps a project in its place when no position is given', () => {
    expect(placeProject(order, active(2))).toEqual({ ids: [1, 2, 3, 4, 5] });
    expect(placeProject(order, archived(4))).toEqual({ ids: [1, 2, 3, 4, 5] });
  });

  it('sends an archived project to the end, and an unarchived one to the end of the active', () => {
    expect(placeProject(order, archived(2))).toEqual({ ids: [1, 3, 4, 5, 2] });
    expect(placeProject(order, active(5))).toEqual({ ids: [1, 2, 3, 5, 4] });
  });

  it('places an archived project among the archived ones only', () => {
    expect(placeProject(order, archived(5), 3)).toEqual({ ids: [1, 2, 3, 5, 4] });
    expect(placeProject(order, archived(5), 2)).toEqual({ range: { first: 3, last: 4 } });
    // Archiving and placing at once: the range is the archive's, counted without the project.
    expect(placeProject(order, archived(2), 2)).toEqual({ ids: [1, 3, 2, 4, 5] });
    expect(placeProject(order, archived(2), 1)).toEqual({ range: { first: 2, last: 4 } });
  });

  it('keeps the Inbox first', () => {
    expect(placeProject(order, inbox)).toEqual({ ids: [1, 2, 3, 4, 5] });
    expect(placeProject(order, inbox, 0)).toEqual({ ids: [1, 2, 3, 4, 5] });
    expect(placeProject(order, inbox, 1)).toEqual({ range: { first: 0, last: 0 } });
  });

  it('restores the groups when the stored order had drifted', () => {
    const drifted = [active(2), archived(4), inbox, active(3)];
    expect(placeProject(drifted, active(9))).toEqual({ ids: [1, 2, 3, 9, 4] });
    expect(placeProject(drifted, active(3))).toEqual({ ids: [1, 2, 3, 4] });
  });

  it('does not change its argument', () => {
    const copy = structuredClone(order);
    placeProject(order, active(5), 1);
    expect(order).toEqual(copy);
  });
});

describe('withoutProject', () => {
  it('closes up the order behind a removed project', () => {
    expect(withoutProject(order, 2)).toEqual([1, 3, 4, 5]);
    expect(withoutProject(order, 4)).toEqual([1, 2, 3, 5]);
  });
});
