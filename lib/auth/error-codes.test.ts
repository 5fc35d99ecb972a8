import { describe, expect, it } from 'vitest';
import { authErrorMessage } from './error-codes';

describe('authErrorMessage', () => {
  it('says how many seconds to wait for a short pause', () => {
    expect(authErrorMessage({ code: 'TOO_MANY_ATTEMPTS', status: 429, retryAfter: 31 })).toEqual({ key: 'tooManyAttempts', values: { seconds: 31 } });
  });

  it('says whole minutes, rounded up, for a long one', () => {
    expect(authErrorMessage({ code: 'TOO_MANY_ATTEMPTS', status: 429, retryAfter: 900 })).toEqual({ key: 'tooManyAttemptsMinutes', values: { minutes: 15 } });
    expect(authErrorMessage({ code: 'TOO_MANY_ATTEMPTS', status: 429, retryAfter: 121 })).toEqual({ key: 'tooManyAttemptsMinutes', values: { minutes: 3 } });
  });

  it('falls back to a wait-free message when no usable wait came back', () => {
    expect(authErrorMessage({ code: 'TOO_MANY_ATTEMPTS', status: 429 })).toEqual({ key: 'tooManyAttemptsLater' });
    expect(authErrorMessage({ code: 'COMMON_PASSWORD', status: 400 })).toEqual({ key: 'commonPassword' });
    expect(authErrorMessage({ status: 429 })).toEqual({ key: 'tooManyRequests' });
  });
});
