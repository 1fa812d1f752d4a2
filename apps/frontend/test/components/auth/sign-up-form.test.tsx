// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const router = vi.hoisted(() => ({ replace: vi.fn(), refresh: vi.fn() }));
const signUpEmail = vi.hoisted(() => vi.fn());
vi.mock('next/navigation', () => ({ useRouter: () => router }));
vi.mock('@/lib/auth/client', () => ({ authClient: { signUp: { email: signUpEmail } } }));

const { SignUpForm } = await import('@/components/auth/sign-up-form');

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });
}

describe('SignUpForm', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    // As in a browser: the callback runs after React has drawn the messages.
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) =>
      setTimeout(() => callback(0), 0),
    );
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows what is missing without calling the server, and focuses it', async () => {
    render(<SignUpForm next="/" />);
    fill('Email', 'ada@');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Enter your name.')).toBeTruthy();
    expect(screen.getByText('Enter an email address like name@example.com.')).toBeTruthy();
    expect(screen.getByText('Use at least 8 characters for your password.')).toBeTruthy();
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getByLabelText('Password', { exact: true }).getAttribute('aria-describedby'),
    ).toBe('password-hint password-error');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Name')));
    expect(signUpEmail).not.toHaveBeenCalled();
  });

  it('says when the email is taken and keeps what was typed', async () => {
    signUpEmail.mockResolvedValue({
      data: null,
      error: { code: 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL', status: 422 },
    });
    render(<SignUpForm next="/" />);
    fill('Name', ' Ada ');
    fill('Email', 'ada@example.com ');
    fill('Password', 'correct horse');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/already exists/);
    expect(signUpEmail).toHaveBeenCalledWith({
      name: 'Ada',
      email: 'ada@example.com',
      password: 'correct horse',
    });
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('ada@example.com');
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe(' Ada ');
    expect(router.replace).not.toHaveBeenCalled();
  });

  it('goes on to the allowed page after signing up', async () => {
    signUpEmail.mockResolvedValue({ data: {}, error: null });
    render(<SignUpForm next="/?tag=work" />);
    fill('Name', 'Ada');
    fill('Email', 'ada@example.com');
    fill('Password', 'correct horse');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(router.replace).toHaveBeenCalledWith('/?tag=work'));
    expect(router.refresh).toHaveBeenCalled();
  });

  it('says the service is unavailable when the request fails outright', async () => {
    signUpEmail.mockRejectedValue(new TypeError('fetch failed'));
    render(<SignUpForm next="/" />);
    fill('Name', 'Ada');
    fill('Email', 'ada@example.com');
    fill('Password', 'correct horse');
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/unavailable/);
  });

  it('lets the password be shown', () => {
    render(<SignUpForm next="/" />);
    const password = screen.getByLabelText('Password', { exact: true });
    expect(password.getAttribute('type')).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: 'Show password' }));
    expect(password.getAttribute('type')).toBe('text');
    expect(screen.getByRole('button', { name: 'Hide password' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });
});
