'use client';

import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { MoreIcon } from './icons';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  danger?: boolean;
  /** A key that does the same where the menu's button is (shown beside the label). */
  shortcut?: string;
}

function entriesOf(menu: HTMLElement | null): HTMLButtonElement[] {
  return [
    ...(menu?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ?? []),
  ];
}

/**
 * A "⋯" button with a menu behind it (the WAI-ARIA menu button pattern): Enter, Space and
 * ArrowDown open it on the first item, ArrowUp on the last; arrows, Home and End walk it;
 * Escape closes it and gives focus back to the button, Tab closes it and moves on. The menu is
 * rendered only while open, so a closed one costs a page one button.
 */
export function MenuButton({
  label,
  items,
  id,
  className = 'icon-button',
  disabled,
}: {
  /** The button's and the menu's accessible name. */
  label: string;
  items: MenuItem[];
  /** The button's id: where focus goes back to after what an item opened. */
  id?: string | undefined;
  className?: string;
  disabled?: boolean | undefined;
}) {
  // 'first'/'last': open, with that item focused once rendered.
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const list = entriesOf(menu.current);
    (open === 'last' ? list.at(-1) : list[0])?.focus();
    function onPointerDown(event: PointerEvent) {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    }
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  function onButtonKeyDown(event: KeyboardEvent) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    setOpen(event.key === 'ArrowDown' ? 'first' : 'last');
  }

  function onMenuKeyDown(event: KeyboardEvent) {
    const list = entriesOf(menu.current);
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    const go = (next: number) => list[(next + list.length) % list.length]?.focus();
    // An open menu owns its keys: the drawer around it stays open on Escape, and a row's own
    // shortcuts (`m`) do not fire behind it.
    event.stopPropagation();
    if (event.key === 'ArrowDown') go(index + 1);
    else if (event.key === 'ArrowUp') go(index - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(list.length - 1);
    else if (event.key === 'Escape') close();
    else if (event.key === 'Tab') setOpen(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  }

  return (
    <div className="menu-wrap">
      <button
        ref={button}
        type="button"
        id={id}
        className={className}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => setOpen((was) => (was ? false : 'first'))}
        onKeyDown={onButtonKeyDown}
      >
        <MoreIcon />
      </button>
      {open ? (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={label}
          className="menu card"
          onKeyDown={onMenuKeyDown}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={`menu-item${item.danger ? ' menu-item-danger' : ''}`}
              disabled={item.disabled}
              aria-keyshortcuts={item.shortcut}
              onClick={() => {
                close();
                item.onSelect();
              }}
            >
              {item.label}
              {item.shortcut ? (
                <span className="menu-shortcut" aria-hidden="true">
                  {item.shortcut}
                </span>
              ) : null}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
