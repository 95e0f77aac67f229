import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/ldsUtils';
import { LABELS } from 'c/ripeLabels';

/** The one place the card shows an error: a sentence for the reader, the platform's messages on demand. */
export default class ErrorPanel extends LightningElement {
  /** One error or a list, as the wire service, updateRecord or a thrown Error gives them. */
  @api errors;
  /** What went wrong, in the reader's words. */
  @api friendlyMessage;

  showDetails = false;

  get messages() {
    return reduceErrors(this.errors).map((message, index) => ({ key: `${index}`, message }));
  }

  get hasDetails() {
    return this.messages.length > 0;
  }

  get toggleLabel() {
    return this.showDetails ? LABELS.hideDetails : LABELS.showDetails;
  }

  handleToggle() {
    this.showDetails = !this.showDetails;
  }
}
