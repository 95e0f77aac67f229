import { reduceErrors } from 'c/ldsUtils';

describe('reduceErrors', () => {
  it.each([
    ['a UI API read error list', { body: [{ message: 'A' }, { message: 'B' }] }, ['A', 'B']],
    ['page errors', { body: { pageErrors: [{ message: 'Locked row' }] } }, ['Locked row']],
    ['field errors', { body: { fieldErrors: { Status__c: [{ message: 'Bad value' }] } } }, ['Bad value']],
    ['updateRecord errors', { body: { output: { errors: [{ message: 'No access' }] } } }, ['No access']],
    [
      'updateRecord field errors',
      { body: { output: { errors: [], fieldErrors: { RejectionReason__c: [{ message: 'Too long' }] } } } },
      ['Too long'],
    ],
    ['a body message', { body: { message: 'Session expired' } }, ['Session expired']],
    ['a JavaScript error', new Error('Network down'), ['Network down']],
    ['a status text only', { statusText: 'Service Unavailable' }, ['Service Unavailable']],
  ])('reads %s', (_name, error, messages) => {
    expect(reduceErrors(error)).toEqual(messages);
  });

  it('flattens a list and drops empty entries', () => {
    expect(reduceErrors([null, { body: { message: 'A' } }, undefined, { body: { message: '' } }])).toEqual([
      'A',
    ]);
  });
});
