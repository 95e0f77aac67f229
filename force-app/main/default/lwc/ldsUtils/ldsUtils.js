/**
 * The messages of one or more Lightning Data Service, UI API or JavaScript errors, flattened and without
 * blanks. Every error the card shows goes through here, so one panel reads them all.
 * @param {object|object[]} errors
 * @returns {string[]}
 */
export function reduceErrors(errors) {
  const list = Array.isArray(errors) ? errors : [errors];
  return list
    .filter((error) => Boolean(error))
    .flatMap((error) => messagesOf(error))
    .filter((message) => typeof message === 'string' && message.length > 0);
}

function messagesOf(error) {
  const body = error.body;
  // UI API read errors: a list of { message }.
  if (Array.isArray(body)) return body.map((item) => item.message);
  if (body) {
    if (body.pageErrors?.length) return body.pageErrors.map((item) => item.message);
    if (body.fieldErrors && Object.keys(body.fieldErrors).length) return fieldMessages(body.fieldErrors);
    // UI API writes (updateRecord) nest their errors under output.
    if (body.output?.errors?.length) return body.output.errors.map((item) => item.message);
    if (body.output?.fieldErrors && Object.keys(body.output.fieldErrors).length)
      return fieldMessages(body.output.fieldErrors);
    if (typeof body.message === 'string') return [body.message];
  }
  if (typeof error.message === 'string') return [error.message];
  return [error.statusText];
}

function fieldMessages(fieldErrors) {
  return Object.values(fieldErrors).flatMap((errorsOfField) => errorsOfField.map((item) => item.message));
}
