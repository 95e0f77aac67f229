import { describe, expect, it } from 'vitest';
import { signalSchema } from '../verdict/verdict.schema.ts';
import { signalCatalogue, signalCodeSchema, type SignalCatalogueEntry } from './signal-catalogue.ts';

const entries: [string, SignalCatalogueEntry][] = Object.entries(signalCatalogue);

describe('signalCatalogue', () => {
  const signal = {
    code: 'seat_utilisation_high',
    technique: 'business_rules',
    label: 'Seat utilisation above threshold',
    polarity: 'positive',
    strength: 0.8,
    motion: 'seat_upsell',
    evidenceIds: ['ev-1'],
  };

  it('is the only source of the codes a signal may carry', () => {
    expect(signalSchema.safeParse(signal).success).toBe(true);
    expect(signalSchema.safeParse({ ...signal, code: 'seats_are_full' }).success).toBe(false);
    expect(signalCodeSchema.options).toHaveLength(entries.length);
  });

  it('gives every code a distinct label for the cards and the CRM', () => {
    const labels = entries.map(([, entry]) => entry.label.trim());
    expect(labels.filter((label) => label.length === 0)).toStrictEqual([]);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('points only positive signals at a motion', () => {
    const negativeWithMotion = entries.filter(([, entry]) => entry.polarity === 'negative' && entry.motion);
    expect(negativeWithMotion).toStrictEqual([]);
  });

  it('names codes in snake_case', () => {
    expect(entries.map(([code]) => code).filter((code) => !/^[a-z][a-z0-9_]*$/.test(code))).toStrictEqual([]);
  });
});
