/** Key prefixes of the objects the emulator serves: the first three characters of every record id. */
export const keyPrefixes = {
  Account: '001',
  Contact: '003',
  Opportunity: '006',
  Task: '00T',
  Event: '00U',
  OpportunityHistory: '008',
  AccountContactRelation: '07k',
  EmailMessage: '02s',
  Note: '002',
  Case: '500',
  Product_Usage__c: 'a01',
  ripe__Expansion_Snapshot__c: 'a02',
  User: '005',
  Organization: '00D',
  QueryLocator: '01g',
  BulkJob: '750',
} as const;

export type KeyPrefixOwner = keyof typeof keyPrefixes;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

// Salesforce appends three characters to the 15-character id, one per 5-character chunk, each encoding
// which of the chunk's characters are upper case, so the 18-character id survives case-insensitive tools.
function caseSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const char = id15.charAt(chunk * 5 + i);
      if (char >= 'A' && char <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX.charAt(bits);
  }
  return suffix;
}

/** The 18-character id of the n-th record of an object: prefix, a pod marker, n in base 62, case suffix. */
export function salesforceId(owner: KeyPrefixOwner, n: number): string {
  let digits = '';
  let rest = n;
  do {
    digits = BASE62.charAt(rest % 62) + digits;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  const id15 = `${keyPrefixes[owner]}Rm${digits.padStart(10, '0')}`;
  return id15 + caseSuffix(id15);
}
