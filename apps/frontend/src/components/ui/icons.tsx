import type { ReactNode, SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement>;

/**
 * Each icon's shapes, drawn once per page in <IconSprite /> and referenced by every use. Inline,
 * a row's five icons cost 1.5 KB of HTML each (a 50-task page carried 74 KB of icons); a <use>
 * costs about 100 bytes (docs/benchmarks.md, "Issue 13: the page").
 */
const SHAPES = {
  repeat: (
    <>
      <path d="M17 2l4 4-4 4" />
      <path d="M3 11V9a3 3 0 0 1 3-3h15" />
      <path d="M7 22l-4-4 4-4" />
      <path d="M21 13v2a3 3 0 0 1-3 3H3" />
    </>
  ),
  calendar: (
    <>
      <rect x="3" y="4" width="18" height="18" rx="2" />
      <path d="M16 2v4M8 2v4M3 10h18" />
    </>
  ),
  bell: (
    <>
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </>
  ),
  pencil: (
    <>
      <path d="M17 3a2.85 2.85 0 1 1 4 4L7.5 20.5 2 22l1.5-5.5Z" />
    </>
  ),
  trash: (
    <>
      <path d="M3 6h18M8 6V4h8v2M19 6l-1 14H6L5 6" />
    </>
  ),
  search: (
    <>
      <circle cx="11" cy="11" r="7" />
      <path d="m21 21-4.3-4.3" />
    </>
  ),
  tag: (
    <>
      <path d="M12.6 2.6A2 2 0 0 0 11.2 2H4a2 2 0 0 0-2 2v7.2a2 2 0 0 0 .6 1.4l8.7 8.7a2.4 2.4 0 0 0 3.4 0l6.6-6.6a2.4 2.4 0 0 0 0-3.4Z" />
      <circle cx="7.5" cy="7.5" r="1" />
    </>
  ),
  close: (
    <>
      <path d="M18 6 6 18M6 6l12 12" />
    </>
  ),
  check: (
    <>
      <path d="M20 6 9 17l-5-5" />
    </>
  ),
  alert: (
    <>
      <path d="M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" />
      <path d="M12 9v4M12 17h.01" />
    </>
  ),
  menu: (
    <>
      <path d="M4 6h16M4 12h16M4 18h16" />
    </>
  ),
  inbox: (
    <>
      <path d="M22 12h-6l-2 3h-4l-2-3H2" />
      <path d="M5.5 5.1 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.5-6.9A2 2 0 0 0 16.8 4H7.2a2 2 0 0 0-1.7 1.1Z" />
    </>
  ),
  sun: (
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </>
  ),
  list: (
    <>
      <path d="M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01" />
    </>
  ),
  plus: (
    <>
      <path d="M12 5v14M5 12h14" />
    </>
  ),
  chevron: (
    <>
      <path d="m9 6 6 6-6 6" />
    </>
  ),
  more: (
    <>
      <circle cx="5" cy="12" r="1" />
      <circle cx="12" cy="12" r="1" />
      <circle cx="19" cy="12" r="1" />
    </>
  ),
  move: (
    <>
      <path d="M4 20h16a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-8l-2-2H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2Z" />
      <path d="M10 13h6M13 10l3 3-3 3" />
    </>
  ),
  keyboard: (
    <>
      <rect x="2" y="5" width="20" height="14" rx="2" />
      <path d="M6 9h.01M10 9h.01M14 9h.01M18 9h.01M6 13h.01M18 13h.01M9 15h6" />
    </>
  ),
} satisfies Record<string, ReactNode>;

type IconName = keyof typeof SHAPES;

/** The symbols every icon refers to: rendered once, in the root layout. */
export function IconSprite() {
  return (
    <svg style={{ display: 'none' }} aria-hidden="true" focusable="false">
      {Object.entries(SHAPES).map(([name, shapes]) => (
        <symbol key={name} id={`icon-${name}`} viewBox="0 0 24 24">
          <g
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            {shapes}
          </g>
        </symbol>
      ))}
    </svg>
  );
}

function Icon({ name, ...props }: IconProps & { name: IconName }) {
  return (
    <svg width="16" height="16" aria-hidden="true" {...props}>
      <use href={`#icon-${name}`} />
    </svg>
  );
}

export const RepeatIcon = (props: IconProps) => <Icon {...props} name="repeat" />;
export const CalendarIcon = (props: IconProps) => <Icon {...props} name="calendar" />;
export const BellIcon = (props: IconProps) => <Icon {...props} name="bell" />;
export const PencilIcon = (props: IconProps) => <Icon {...props} name="pencil" />;
export const TrashIcon = (props: IconProps) => <Icon {...props} name="trash" />;
export const SearchIcon = (props: IconProps) => <Icon {...props} name="search" />;
export const TagIcon = (props: IconProps) => <Icon {...props} name="tag" />;
export const CloseIcon = (props: IconProps) => <Icon {...props} name="close" />;
export const CheckIcon = (props: IconProps) => <Icon {...props} name="check" />;
export const AlertIcon = (props: IconProps) => <Icon {...props} name="alert" />;
export const MenuIcon = (props: IconProps) => <Icon {...props} name="menu" />;
export const InboxIcon = (props: IconProps) => <Icon {...props} name="inbox" />;
export const SunIcon = (props: IconProps) => <Icon {...props} name="sun" />;
export const ListIcon = (props: IconProps) => <Icon {...props} name="list" />;
export const PlusIcon = (props: IconProps) => <Icon {...props} name="plus" />;
export const ChevronIcon = (props: IconProps) => <Icon {...props} name="chevron" />;
export const MoreIcon = (props: IconProps) => <Icon {...props} name="more" />;
export const MoveIcon = (props: IconProps) => <Icon {...props} name="move" />;
export const KeyboardIcon = (props: IconProps) => <Icon {...props} name="keyboard" />;
