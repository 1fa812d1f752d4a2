import type { ReactNode } from 'react';
import { AlertIcon } from './icons';

/** A full-width message above the content: errors are announced as they appear. */
export function Banner({
  tone = 'error',
  title,
  children,
}: {
  tone?: 'error' | 'info';
  title: string;
  children?: ReactNode;
}) {
  return (
    <div className={`banner banner-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <AlertIcon className="banner-icon" width={20} height={20} />
      <div>
        <p className="banner-title">{title}</p>
        {children ? <div className="banner-body">{children}</div> : null}
      </div>
    </div>
  );
}
