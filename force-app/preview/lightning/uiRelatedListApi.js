// A stand-in for lightning/uiRelatedListApi in the local preview: getRelatedListRecords through the preview
// server's UI API route, which queries the Salesforce emulator.
const BASE = '/preview/salesforce/ui-api';

export class getRelatedListRecords {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }

  connect() {}

  disconnect() {}

  async update(config) {
    const { parentRecordId, relatedListId, fields, sortBy, pageSize } = config;
    if (!parentRecordId || !relatedListId || !fields) return;
    const query = new URLSearchParams({
      fields: fields.join(','),
      sortBy: (sortBy ?? []).join(','),
      pageSize: String(pageSize ?? 50),
    });
    const response = await fetch(`${BASE}/related-list-records/${parentRecordId}/${relatedListId}?${query}`);
    const body = await response.json();
    this.dataCallback(
      response.ok
        ? { data: body, error: undefined }
        : { data: undefined, error: { status: response.status, body } },
    );
  }
}
