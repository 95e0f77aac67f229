import { z } from 'zod';

/** A timestamp: a `Date` in handlers, an ISO string on the wire. */
export const timestamp = () =>
  z.codec(z.date(), z.iso.datetime(), {
    decode: (date) => date.toISOString(),
    encode: (text) => new Date(text),
  });

export const orgIdParam = z
  .string()
  .min(1)
  .max(200)
  .meta({ description: "The org's id", example: 'org_3f2a9c' });

/** `?limit=` with a default and a ceiling. */
export const limitQuery = (defaultLimit: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(defaultLimit);
