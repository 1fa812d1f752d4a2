import { describe, expect, it } from 'vitest';
import { neighbourPosition } from '@/lib/projects/order';
import { projectFixture } from '../../support/project-fixture';

const projects = [
  projectFixture({ id: 1, position: 0, is_inbox: true }),
  projectFixture({ id: 2, name: 'Home', position: 1, is_inbox: false }),
  projectFixture({ id: 3, name: 'Work', position: 2, is_inbox: false }),
  projectFixture({ id: 4, name: 'Garden', position: 3, is_inbox: false }),
];

describe('neighbourPosition', () => {
  it('takes the place of the project above or below', () => {
    expect(neighbourPosition(projects, 3, -1)).toBe(1);
    expect(neighbourPosition(projects, 3, 1)).toBe(3);
  });

  it('stops at either end and never passes the Inbox', () => {
    expect(neighbourPosition(projects, 2, -1)).toBeNull();
    expect(neighbourPosition(projects, 4, 1)).toBeNull();
    expect(neighbourPosition(projects, 1, 1)).toBeNull();
    expect(neighbourPosition(projects, 99, 1)).toBeNull();
  });
});
