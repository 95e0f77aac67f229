// A stand-in for lightning/uiRecordApi in the local preview: the same wire adapter and functions, reading
// and writing the record through the preview server's UI API routes (backed by the Salesforce emulator).
// Like Lightning Data Service, a saved record is read again and every wire on it receives it.
const BASE = '/preview/salesforce/ui-api';
const wiresByRecord = new Map();

const qualifiedNames = (fields) =>
  (fields ?? []).map((field) =>
    typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`,
  );

export class getRecord {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }

  connect() {}

  disconnect() {
    wiresByRecord.get(this.config?.recordId)?.delete(this);
  }

  update(config) {
    wiresByRecord.get(this.config?.recordId)?.delete(this);
    this.config = config;
    if (!config.recordId) return;
    if (!wiresByRecord.has(config.recordId)) wiresByRecord.set(config.recordId, new Set());
    wiresByRecord.get(config.recordId).add(this);
    this.load();
  }

  async load() {
    const { recordId, fields, optionalFields } = this.config;
    const query = new URLSearchParams({
      fields: qualifiedNames(fields).join(','),
      optionalFields: qualifiedNames(optionalFields).join(','),
    });
    const response = await fetch(`${BASE}/records/${recordId}?${query}`);
    const body = await response.json();
    this.dataCallback(
      response.ok
        ? { data: body, error: undefined }
        : { data: undefined, error: { status: response.status, body } },
    );
  }
}

export async function updateRecord(recordInput) {
  const { Id, ...fields } = recordInput.fields;
  const response = await fetch(`${BASE}/records/${Id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fields }),
  });
  const body = await response.json();
  if (!response.ok) throw { status: response.status, body };
  await Promise.all([...(wiresByRecord.get(Id) ?? [])].map((wire) => wire.load()));
  return body;
}

/** A field's value, following relationships (`DecisionMaker__r.Name`), as Lightning Data Service reads it. */
export function getFieldValue(record, field) {
  const path = typeof field === 'string' ? field.split('.').slice(1) : field.fieldApiName.split('.');
  let node = record;
  for (const name of path) {
    const value = node?.fields?.[name];
    if (value === undefined) return undefined;
    node = value.value;
  }
  return node;
}
