import type { CrmObjectType } from './crm-records.types.ts';

/**
 * HUBSPOT_DEFINED association type ids between the pairs the emulator serves (HubSpot's "association type
 * ID values" table; contact→company 279 and the primary pair 1/2 are quoted in the associations overview; an engagement
 * to a company is the even id — task→company 192 — and the company to it the odd one).
 * Keyed `from→to`; `primary` is the labelled "Primary" type where HubSpot defines one.
 */
export const associationTypeIds: Partial<
  Record<`${CrmObjectType}→${CrmObjectType}`, { unlabeled: number; primary?: number }>
> = {
  'contacts→companies': { unlabeled: 279, primary: 1 },
  'companies→contacts': { unlabeled: 280, primary: 2 },
  'deals→companies': { unlabeled: 341, primary: 5 },
  'companies→deals': { unlabeled: 342, primary: 6 },
  'deals→contacts': { unlabeled: 3 },
  'contacts→deals': { unlabeled: 4 },
  'calls→companies': { unlabeled: 182 },
  'companies→calls': { unlabeled: 181 },
  'emails→companies': { unlabeled: 186 },
  'companies→emails': { unlabeled: 185 },
  'meetings→companies': { unlabeled: 188 },
  'companies→meetings': { unlabeled: 187 },
  'notes→companies': { unlabeled: 190 },
  'companies→notes': { unlabeled: 189 },
  'tasks→companies': { unlabeled: 192 },
  'companies→tasks': { unlabeled: 191 },
};

export function defaultAssociationTypeId(from: CrmObjectType, to: CrmObjectType): number | undefined {
  return associationTypeIds[`${from}→${to}`]?.unlabeled;
}

/** The object type a HUBSPOT_DEFINED type id from `from` leads to (how a create's associations are read). */
export function targetOfTypeId(from: CrmObjectType, typeId: number): CrmObjectType | undefined {
  for (const [pair, ids] of Object.entries(associationTypeIds)) {
    const [source, target] = pair.split('→') as [CrmObjectType, CrmObjectType];
    if (source === from && (ids?.unlabeled === typeId || ids?.primary === typeId)) return target;
  }
  return undefined;
}
