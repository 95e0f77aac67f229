import { api } from 'lwc';
import LightningModal from 'lightning/modal';
import { LABELS } from 'c/ripeLabels';

// Salesforce Text holds 255 characters: the rejection reason field's length.
const REASON_LENGTH = 255;

/**
 * The decision that needs a word from the account team: a new potential (adjust) or a reason (reject).
 * Closes with `{ adjustedPotential }` or `{ rejectionReason }`; Cancel and the X close with nothing.
 */
export default class ExpansionDecisionModal extends LightningModal {
  /** `adjust` or `reject`. */
  @api mode;
  /** Ripe's potential, the starting point of an adjustment. */
  @api potential;
  @api currencyCode;

  labels = LABELS;
  reasonLength = REASON_LENGTH;
  amount;
  reason = '';

  connectedCallback() {
    this.amount = this.potential;
  }

  get isAdjust() {
    return this.mode === 'adjust';
  }

  get title() {
    return this.isAdjust ? LABELS.adjustTitle : LABELS.rejectTitle;
  }

  handleAmountChange(event) {
    this.amount = event.detail.value;
  }

  handleReasonChange(event) {
    this.reason = event.detail.value;
  }

  handleCancel() {
    this.close();
  }

  get isValid() {
    if (!this.isAdjust) return this.reason.trim().length > 0;
    const amount = Number(this.amount);
    return this.amount !== '' && this.amount !== null && Number.isFinite(amount) && amount >= 0;
  }

  handleSave() {
    // The input shows why it refuses; the decision itself is checked here.
    if (!this.isValid) {
      this.refs.input.reportValidity();
      return;
    }
    if (this.isAdjust) this.close({ adjustedPotential: Math.round(Number(this.amount)) });
    else this.close({ rejectionReason: this.reason.trim() });
  }
}
