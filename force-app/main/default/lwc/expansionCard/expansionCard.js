import { LightningElement, api, wire } from 'lwc';
import { getFieldValue, getRecord, updateRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { NavigationMixin } from 'lightning/navigation';
import USER_CURRENCY from '@salesforce/i18n/currency';
import { LABELS } from 'c/ripeLabels';
import ExpansionDecisionModal from 'c/expansionDecisionModal';
import { adjustment, approval, rejection, snooze } from './decisions';
import { DECISION_MAKER_NAME_FIELD, FIELD, REQUIRED_FIELDS } from './fields';
import {
  approachParts,
  dayAfter,
  daysSince,
  emailDraftParts,
  evidenceLines,
  format,
  fraction,
} from './verdict';

// How many days of usage the chart draws at most.
const USAGE_DAYS = 120;
const SNOOZE_DAYS = { twoWeeks: 14, month: 30, quarter: 90 };
const READINESS_THEME = {
  ready: 'slds-theme_success',
  nurture: 'slds-theme_info',
  caution: 'slds-theme_warning',
  not_ready: 'slds-theme_shade',
};

/**
 * The expansion card on an Account: Ripe's verdict, the evidence, the approach and the account team's
 * decision (approve, adjust the potential, reject with a reason, snooze), written to the human-owned fields.
 */
export default class ExpansionCard extends NavigationMixin(LightningElement) {
  @api recordId;
  /** Days after which the verdict reads as out of date. */
  @api staleAfterDays = 3;
  /** The org's daily usage object, its relationship from Account, date and value fields. */
  @api usageObject = 'Product_Usage__c';
  @api usageRelationship = 'Product_Usage__r';
  @api usageDateField = 'Usage_Date__c';
  @api usageValueField = 'Seats_Used__c';
  /** The Account field holding the licence the usage is drawn against. */
  @api licenceField = 'Seats_Licensed__c';

  labels = LABELS;
  record;
  loadError;
  saveError;
  saving = false;
  usagePoints = [];
  decisionMakerUrl;
  /** What was just saved, shown until the record wire brings it back. */
  saved = {};

  @wire(getRecord, { recordId: '$recordId', fields: REQUIRED_FIELDS, optionalFields: '$optionalFields' })
  wiredRecord({ data, error }) {
    if (data) {
      this.record = data;
      this.loadError = undefined;
      this.saved = {};
      this.generateDecisionMakerUrl();
    } else if (error) {
      this.record = undefined;
      this.loadError = error;
    }
  }

  @wire(getRelatedListRecords, {
    parentRecordId: '$recordId',
    relatedListId: '$usageRelationship',
    fields: '$usageFields',
    sortBy: '$usageSort',
    pageSize: USAGE_DAYS,
  })
  wiredUsage({ data, error }) {
    if (data) this.usagePoints = this.toUsagePoints(data.records);
    // A missing or unreadable usage object leaves the chart empty; it is not the verdict's error.
    else if (error) this.usagePoints = [];
  }

  get optionalFields() {
    const fields = [DECISION_MAKER_NAME_FIELD, 'Account.CurrencyIsoCode'];
    return this.licenceField ? [...fields, `Account.${this.licenceField}`] : fields;
  }

  get usageFields() {
    if (!this.usageObject || !this.usageDateField || !this.usageValueField) return undefined;
    return [`${this.usageObject}.${this.usageDateField}`, `${this.usageObject}.${this.usageValueField}`];
  }

  get usageSort() {
    return this.usageFields ? [`-${this.usageObject}.${this.usageDateField}`] : undefined;
  }

  toUsagePoints(records) {
    return (records ?? [])
      .map((row) => ({
        date: row.fields?.[this.usageDateField]?.value,
        value: row.fields?.[this.usageValueField]?.value,
      }))
      .filter((point) => typeof point.date === 'string' && typeof point.value === 'number');
  }

  // States --------------------------------------------------------------------------------------------

  get isLoading() {
    return !this.record && !this.loadError;
  }

  get hasLoadError() {
    return Boolean(this.loadError);
  }

  get neverScored() {
    return Boolean(this.record) && !this.value(FIELD.lastScoredAt);
  }

  get hasVerdict() {
    return Boolean(this.record) && !this.neverScored;
  }

  get daysSinceScored() {
    return daysSince(this.value(FIELD.lastScoredAt), Date.now());
  }

  get isStale() {
    const days = this.daysSinceScored;
    return days !== null && days > Number(this.staleAfterDays);
  }

  get staleMessage() {
    return format(LABELS.stale, [this.daysSinceScored]);
  }

  // The verdict -----------------------------------------------------------------------------------------

  value(field) {
    return this.record ? getFieldValue(this.record, field) : undefined;
  }

  get readiness() {
    return this.value(FIELD.readiness);
  }

  get readinessLabel() {
    return LABELS.values[this.readiness] ?? this.readiness;
  }

  get readinessClass() {
    return READINESS_THEME[this.readiness] ?? '';
  }

  get motionLabel() {
    const motion = this.value(FIELD.motion);
    return motion ? (LABELS.values[motion] ?? motion) : null;
  }

  get status() {
    return this.saved.status ?? this.value(FIELD.status) ?? 'new';
  }

  get statusLabel() {
    return LABELS.values[this.status] ?? this.status;
  }

  get currencyCode() {
    return this.record?.fields?.CurrencyIsoCode?.value ?? USER_CURRENCY;
  }

  get potential() {
    return this.value(FIELD.potential);
  }

  get potentialLow() {
    return this.value(FIELD.potentialLow);
  }

  get potentialHigh() {
    return this.value(FIELD.potentialHigh);
  }

  get hasRange() {
    return typeof this.potentialLow === 'number' && typeof this.potentialHigh === 'number';
  }

  get adjustedPotential() {
    return this.saved.adjustedPotential ?? this.value(FIELD.adjustedPotential);
  }

  get hasAdjustedPotential() {
    return typeof this.adjustedPotential === 'number';
  }

  get expectedValue() {
    return this.value(FIELD.expectedValue);
  }

  get probability() {
    return fraction(this.value(FIELD.probability));
  }

  get probabilityLow() {
    return fraction(this.value(FIELD.probabilityLow));
  }

  get probabilityHigh() {
    return fraction(this.value(FIELD.probabilityHigh));
  }

  get hasProbabilityInterval() {
    return typeof this.probabilityLow === 'number' && typeof this.probabilityHigh === 'number';
  }

  get confidence() {
    return fraction(this.value(FIELD.confidence));
  }

  get windowStart() {
    return this.value(FIELD.windowStart);
  }

  get windowEnd() {
    return this.value(FIELD.windowEnd);
  }

  get hasWindow() {
    return Boolean(this.windowStart && this.windowEnd);
  }

  get signals() {
    return evidenceLines(this.value(FIELD.signals));
  }

  get hasSignals() {
    return this.signals.length > 0;
  }

  get contradictions() {
    return evidenceLines(this.value(FIELD.contradictions));
  }

  get hasContradictions() {
    return this.contradictions.length > 0;
  }

  get approach() {
    return approachParts(this.value(FIELD.approach));
  }

  get hasApproach() {
    return Boolean(this.value(FIELD.approach));
  }

  get emailDraft() {
    return emailDraftParts(this.value(FIELD.emailDraft));
  }

  get hasEmailDraft() {
    return Boolean(this.value(FIELD.emailDraft));
  }

  get decisionMakerId() {
    return this.value(FIELD.decisionMaker);
  }

  get decisionMakerName() {
    return this.value(DECISION_MAKER_NAME_FIELD) ?? this.decisionMakerId;
  }

  get rejectionReason() {
    return this.saved.rejectionReason ?? this.value(FIELD.rejectionReason);
  }

  get showRejectionReason() {
    return this.status === 'rejected' && Boolean(this.rejectionReason);
  }

  get snoozedUntil() {
    return this.saved.snoozedUntil ?? this.value(FIELD.snoozedUntil);
  }

  get showSnoozedUntil() {
    return this.status === 'snoozed' && Boolean(this.snoozedUntil);
  }

  get lastScoredAt() {
    return this.value(FIELD.lastScoredAt);
  }

  /** lightning-relative-date-time takes a timestamp, not the field's ISO text. */
  get lastScoredTime() {
    const at = Date.parse(this.lastScoredAt);
    return Number.isNaN(at) ? null : at;
  }

  get licence() {
    const value = this.licenceField ? this.record?.fields?.[this.licenceField]?.value : undefined;
    return typeof value === 'number' ? value : null;
  }

  // Decisions -------------------------------------------------------------------------------------------

  handleApprove() {
    return this.decide(approval(this.recordId), { status: 'approved' });
  }

  async handleAdjust() {
    const result = await ExpansionDecisionModal.open({
      size: 'small',
      label: LABELS.adjustTitle,
      description: LABELS.adjustHelp,
      mode: 'adjust',
      potential: this.adjustedPotential ?? this.potential,
      currencyCode: this.currencyCode,
    });
    if (!result) return undefined;
    return this.decide(adjustment(this.recordId, result.adjustedPotential), {
      status: 'adjusted',
      adjustedPotential: result.adjustedPotential,
    });
  }

  async handleReject() {
    const result = await ExpansionDecisionModal.open({
      size: 'small',
      label: LABELS.rejectTitle,
      description: LABELS.rejectionHelp,
      mode: 'reject',
    });
    if (!result) return undefined;
    return this.decide(rejection(this.recordId, result.rejectionReason), {
      status: 'rejected',
      rejectionReason: result.rejectionReason,
    });
  }

  handleSnooze(event) {
    const days = SNOOZE_DAYS[event.detail.value];
    if (!days) return undefined;
    const until = dayAfter(Date.now(), days);
    return this.decide(snooze(this.recordId, until), { status: 'snoozed', snoozedUntil: until });
  }

  async decide(recordInput, shown) {
    this.saving = true;
    this.saveError = undefined;
    try {
      await updateRecord(recordInput);
      this.saved = { ...this.saved, ...shown };
      this.toast(LABELS.saved, 'success');
    } catch (error) {
      this.saveError = error;
    } finally {
      this.saving = false;
    }
  }

  handleCopyApproach() {
    return this.copy(this.value(FIELD.approach), LABELS.copied);
  }

  handleCopyEmailDraft() {
    return this.copy(this.value(FIELD.emailDraft), LABELS.emailDraftCopied);
  }

  async copy(text, copiedLabel) {
    try {
      await navigator.clipboard.writeText(text);
      this.toast(copiedLabel, 'success');
    } catch (error) {
      this.saveError = error;
    }
  }

  handleOpenDecisionMaker(event) {
    event.preventDefault();
    this[NavigationMixin.Navigate](this.contactPage());
  }

  contactPage() {
    return {
      type: 'standard__recordPage',
      attributes: { recordId: this.decisionMakerId, actionName: 'view' },
    };
  }

  generateDecisionMakerUrl() {
    if (!this.decisionMakerId) {
      this.decisionMakerUrl = undefined;
      return;
    }
    this[NavigationMixin.GenerateUrl](this.contactPage()).then((url) => {
      this.decisionMakerUrl = url;
    });
  }

  toast(title, variant) {
    this.dispatchEvent(new ShowToastEvent({ title, variant }));
  }
}
