// The single entry every transport uses (Electron IPC, the web server, tests): check the command
// name, parse the input with its schema, call the handler, and return a Result as plain data.
import { commands } from '../contract/index.ts';
import type { CommandName, ErrorData, Handlers, Result } from '../contract/index.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commands, name);
}

export async function dispatch(
  handlers: Handlers,
  describeError: (error: unknown) => ErrorData,
  name: string,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!isCommandName(name)) {
    return { ok: false, error: describeError(unknownCommand(name)) };
  }
  const parsed = commands[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`)
      .join('; ');
    return { ok: false, error: describeError(invalidInput(detail)) };
  }
  try {
    // Each handler is typed against its own schema; the name was checked just above.
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

function unknownCommand(name: string): BaluchonError {
  return new BaluchonError('unknown-command', { name: name.slice(0, 80) });
}

function invalidInput(detail: string): BaluchonError {
  return new BaluchonError('invalid-input', { detail: detail.slice(0, 500) });
}
