import { inspect } from 'node:util';

const hidden = '[secret]';

/**
 * A value that must never be printed: logging, JSON, string templates and `util.inspect` all see
 * `[secret]`. Only `reveal()` gives the value, at the one place that uses it.
 */
export class Secret<T> {
  readonly #value: T;

  constructor(value: T) {
    this.#value = value;
  }

  reveal(): T {
    return this.#value;
  }

  toString(): string {
    return hidden;
  }

  toJSON(): string {
    return hidden;
  }

  [inspect.custom](): string {
    return hidden;
  }
}

export function secret<T>(value: T): Secret<T> {
  return new Secret(value);
}
