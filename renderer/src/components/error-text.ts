// An error from the service in the language on screen: translated from its code, falling back to
// the message the service wrote.
import type { TFunction } from 'i18next';
import type { ErrorData } from '../../../src/contract/index.ts';
import { errorKey } from '../../../locales/keys.ts';

export function errorText(t: TFunction, error: ErrorData): string {
  return t(errorKey(error.code), { ...error.details, defaultValue: error.message });
}
