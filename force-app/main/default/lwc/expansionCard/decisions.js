// The account team's decisions as `updateRecord` inputs: the status and the human-owned field that goes
// with it. The nightly run never writes these fields, so what is saved here stays.
import { FIELD } from './fields';

function input(recordId, values) {
  const fields = { Id: recordId };
  for (const [field, value] of values) fields[field.fieldApiName] = value;
  return { fields };
}

export function approval(recordId) {
  return input(recordId, [[FIELD.status, 'approved']]);
}

export function adjustment(recordId, adjustedPotential) {
  return input(recordId, [
    [FIELD.status, 'adjusted'],
    [FIELD.adjustedPotential, adjustedPotential],
  ]);
}

export function rejection(recordId, reason) {
  return input(recordId, [
    [FIELD.status, 'rejected'],
    [FIELD.rejectionReason, reason],
  ]);
}

export function snooze(recordId, until) {
  return input(recordId, [
    [FIELD.status, 'snoozed'],
    [FIELD.snoozedUntil, until],
  ]);
}
