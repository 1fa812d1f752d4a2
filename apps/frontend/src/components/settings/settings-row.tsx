import type { ReactNode } from 'react';

/** One button of a settings row: `name` is its accessible name, which says what it acts on. */
export interface SettingsAction {
  label: string;
  name: string;
  onClick: () => void;
  disabled?: boolean | undefined;
}

/**
 * One item of a settings list (a device, a token, an app, a feed, a webhook): its label, a note,
 * and its buttons; `controls` go before the buttons, `children` below the row.
 */
export function SettingsRow({
  label,
  note,
  actions,
  controls,
  className,
  busy,
  children,
}: {
  label: ReactNode;
  note: ReactNode;
  actions: SettingsAction[];
  controls?: ReactNode;
  className?: string | undefined;
  busy?: boolean | undefined;
  children?: ReactNode;
}) {
  return (
    <li
      className={className ? `device-row ${className}` : 'device-row'}
      aria-busy={busy || undefined}
    >
      <div>
        <p className="device-label">{label}</p>
        <p className="settings-note" suppressHydrationWarning>
          {note}
        </p>
      </div>
      <div className="device-actions">
        {controls}
        {actions.map((action) => (
          <button
            key={action.name}
            type="button"
            className="button button-ghost button-small"
            aria-label={action.name}
            disabled={action.disabled}
            onClick={action.onClick}
          >
            {action.label}
          </button>
        ))}
      </div>
      {children}
    </li>
  );
}
