// A stand-in for lightning/modal, which sfdx-lwc-jest does not stub. A test replaces `open` on the
// subclass with a jest.fn; `close(result)` keeps the result where the test can read it.
import { LightningElement, api } from 'lwc';

export default class LightningModal extends LightningElement {
  static open() {
    return Promise.resolve(undefined);
  }

  @api size;
  @api label;
  @api description;
  @api disableClose;

  closedWith;
  closed = false;

  @api
  close(result) {
    this.closed = true;
    this.closedWith = result;
  }

  /** Whether `close` was called, and with what. */
  @api
  get closeResult() {
    return { closed: this.closed, result: this.closedWith };
  }
}
